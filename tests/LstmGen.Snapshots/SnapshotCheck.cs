using System.Text;

namespace LstmGen.Snapshots;

/// <summary>Compares a target with its verified file and writes, accepts or reports as needed.</summary>
internal static class SnapshotCheck
{
    /// <summary>Set to <c>1</c> to accept every received snapshot (write the verified file) instead of failing.</summary>
    public const string AutoVerifyVariable = "LSTMGEN_AUTOVERIFY";

    /// <summary>How a <see langword="null"/> target is stored, as in Verify.</summary>
    private const string NullText = "null";

    public static async Task RunAsync(string? target, SnapshotPaths paths)
    {
        string received = SnapshotFile.NormalizeLineEndings(target ?? NullText);
        string? verified = await SnapshotFile.ReadAsync(paths.VerifiedPath).ConfigureAwait(false);

        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            SnapshotFile.DeleteIfExists(paths.ReceivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AutoVerifyVariable) == "1")
        {
            await SnapshotFile.WriteAsync(paths.VerifiedPath, received).ConfigureAwait(false);
            SnapshotFile.DeleteIfExists(paths.ReceivedPath);
            return;
        }

        await SnapshotFile.WriteAsync(paths.ReceivedPath, received).ConfigureAwait(false);
        throw new SnapshotMismatchException(Describe(paths, verified, received), paths.ReceivedPath, paths.VerifiedPath, verified is null);
    }

    private static string Describe(SnapshotPaths paths, string? verified, string received)
    {
        string verifiedName = Path.GetFileName(paths.VerifiedPath);
        var message = new StringBuilder();
        message.Append(verified is null
            ? $"Snapshot {verifiedName}: new snapshot (no verified file yet).\n"
            : $"Snapshot {verifiedName} differs from the received output.\n");
        message.Append($"  received: {paths.ReceivedPath}\n");
        message.Append($"  verified: {paths.VerifiedPath}\n");
        message.Append("To accept the received output:\n");
        message.Append($"  mv '{paths.ReceivedPath}' '{paths.VerifiedPath}'\n");
        message.Append($"  or run the tests with {AutoVerifyVariable}=1\n");
        if (verified is null)
        {
            message.Append("Received content:\n").Append(SnapshotDiff.Numbered(received));
        }
        else
        {
            message.Append("Diff (- verified, + received):\n").Append(SnapshotDiff.Render(verified, received));
        }

        return message.ToString();
    }
}
