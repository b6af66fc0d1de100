#!/usr/bin/env bash
# Builds the fifty cells of make_cells.py against one or more commits, side by side, and prints per commit:
# generated source (files, lines, bytes), the consumer's clean compile time, and its rebuild time after an edit of an
# unrelated file. Usage: tools/fifty-cells/measure.sh [COMMIT ...]   (default: HEAD)
# Each commit is checked out in a temporary worktree; the runtime and the generator are built first, so the timings
# are the consumer project's compile alone (restore and project references excluded). Run on a quiet machine and
# compare the commits of one run only: timings on a shared machine are noisy.
set -euo pipefail

repo="$(git -C "$(dirname "${BASH_SOURCE[0]}")" rev-parse --show-toplevel)"
commits=("$@")
[[ ${#commits[@]} -eq 0 ]] && commits=(HEAD)
work="$(mktemp -d /tmp/fifty-cells.XXXXXX)"
trap 'for d in "$work"/src-*; do git -C "$repo" worktree remove --force "$d" 2>/dev/null || true; done; rm -rf "$work"' EXIT

seconds() { local start end; start=$(date +%s.%N); "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }; end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.1f}')"; }

printf '%-12s %6s %9s %11s %10s %12s\n' commit files lines bytes clean_s after_edit_s
for commit in "${commits[@]}"; do
    sha="$(git -C "$repo" rev-parse --short "$commit")"
    src="$work/src-$sha"
    app="$work/app-$sha"
    git -C "$repo" worktree add --detach --quiet "$src" "$sha"
    dotnet build "$src/src/LstmGen/LstmGen.csproj" -c Release >"$work/deps-$sha.log" 2>&1 \
        || { cat "$work/deps-$sha.log" >&2; exit 1; }
    mkdir -p "$app"
    cat >"$app/FiftyCells.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$src/src/LstmGen/LstmGen.csproj" />
    <ProjectReference Include="$src/generators/LstmGen.Generators/LstmGen.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
    python3 "$repo/tools/fifty-cells/make_cells.py" >"$app/Cells.cs"
    printf 'System.Console.WriteLine(FiftyCells.Cell00Lstm32Float.HiddenSize);\n' >"$app/Program.cs"
    printf 'namespace FiftyCells;\ninternal static class Unrelated { public const int Edit = 0; }\n' >"$app/Unrelated.cs"
    dotnet build "$app" -c Release >"$work/warmup-$sha.log" 2>&1 || { cat "$work/warmup-$sha.log" >&2; exit 1; }
    rm -rf "$app/obj/Release" "$app/bin"
    clean=$(seconds dotnet build "$app" -c Release --no-restore --no-dependencies)
    generated="$app/obj/Release/net10.0/generated"
    files=$(find "$generated" -name '*.g.cs' | wc -l)
    lines=$(find "$generated" -name '*.g.cs' -exec cat {} + | wc -l)
    bytes=$(find "$generated" -name '*.g.cs' -exec cat {} + | wc -c)
    printf 'namespace FiftyCells;\ninternal static class Unrelated { public const int Edit = 1; }\n' >"$app/Unrelated.cs"
    edit=$(seconds dotnet build "$app" -c Release --no-restore --no-dependencies)
    printf '%-12s %6d %9d %11d %10s %12s\n' "$sha" "$files" "$lines" "$bytes" "$clean" "$edit"
done
