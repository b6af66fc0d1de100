namespace LstmGen.Snapshots.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class VerifierTests
{
    [Fact]
    public async Task Match_passes()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("VerifierTests.Match_passes.verified.txt", "a\nb\n");

        await Verify("a\nb\n").UseDirectory(dir.Path);

        Assert.False(File.Exists(dir.File("VerifierTests.Match_passes.received.txt")));
    }

    [Fact]
    public async Task Mismatch_throws_writes_received_and_shows_diff_and_paths()
    {
        using var dir = new TempSnapshotDirectory();
        string verifiedText = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line {i}")) + "\n";
        dir.Write("Gen.verified.cs", verifiedText);
        string receivedText = verifiedText.Replace("line 10\n", "line ten\n", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<SnapshotMismatchException>(async () =>
            await Verify(receivedText, "cs").UseDirectory(dir.Path).UseFileName("Gen"));

        string received = dir.File("Gen.received.cs");
        Assert.Equal(receivedText, File.ReadAllText(received));
        Assert.Equal(received, ex.ReceivedPath);
        Assert.False(ex.IsNewSnapshot);
        Assert.Contains("Gen.verified.cs differs", ex.Message, StringComparison.Ordinal);
        Assert.Contains(received, ex.Message, StringComparison.Ordinal);
        Assert.Contains(dir.File("Gen.verified.cs"), ex.Message, StringComparison.Ordinal);
        Assert.Contains("LSTMGEN_AUTOVERIFY=1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("@@ -7,7 +7,7 @@", ex.Message, StringComparison.Ordinal);
        Assert.Contains("-   10       line 10\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains("+         10 line ten\n", ex.Message, StringComparison.Ordinal);
        Assert.Contains("     9     9 line 9\n", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 5\n", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 14\n", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_snapshot_throws_and_shows_received_content()
    {
        using var dir = new TempSnapshotDirectory();

        var ex = await Assert.ThrowsAsync<SnapshotMismatchException>(async () =>
            await Verify("hello\nworld").UseDirectory(dir.Path));

        Assert.True(ex.IsNewSnapshot);
        Assert.Contains("new snapshot", ex.Message, StringComparison.Ordinal);
        Assert.Contains("    2  world", ex.Message, StringComparison.Ordinal);
        Assert.Equal("hello\nworld", File.ReadAllText(dir.File("VerifierTests.New_snapshot_throws_and_shows_received_content.received.txt")));
        Assert.False(File.Exists(dir.File("VerifierTests.New_snapshot_throws_and_shows_received_content.verified.txt")));
    }

    [Fact]
    public async Task Stale_received_file_is_deleted_on_pass()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("Stale.verified.txt", "same");
        dir.Write("Stale.received.txt", "old failure");

        await Verify("same").UseDirectory(dir.Path).UseFileName("Stale");

        Assert.False(File.Exists(dir.File("Stale.received.txt")));
    }

    [Fact]
    public async Task Crlf_target_matches_lf_verified_and_crlf_verified_matches_lf_target()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("Lf.verified.txt", "a\nb\n");
        dir.Write("Crlf.verified.txt", "a\r\nb\r\n");

        await Verify("a\r\nb\r\n").UseDirectory(dir.Path).UseFileName("Lf");
        await Verify("a\nb\n").UseDirectory(dir.Path).UseFileName("Crlf");
    }

    [Fact]
    public async Task Received_file_has_lf_endings_and_no_bom()
    {
        using var dir = new TempSnapshotDirectory();

        await Assert.ThrowsAsync<SnapshotMismatchException>(async () =>
            await Verify("é\r\nx").UseDirectory(dir.Path).UseFileName("Bytes"));

        Assert.Equal("é\nx"u8.ToArray(), File.ReadAllBytes(dir.File("Bytes.received.txt")));
    }

    [Fact]
    public async Task Trailing_newline_difference_is_reported()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("Nl.verified.txt", "a\n");

        var ex = await Assert.ThrowsAsync<SnapshotMismatchException>(async () =>
            await Verify("a").UseDirectory(dir.Path).UseFileName("Nl"));

        Assert.Contains(@"\ No newline at end of received", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_diffs_are_capped()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("Long.verified.txt", string.Concat(Enumerable.Range(0, 500).Select(i => $"old {i}\n")));

        var ex = await Assert.ThrowsAsync<SnapshotMismatchException>(async () =>
            await Verify(string.Concat(Enumerable.Range(0, 500).Select(i => $"new {i}\n"))).UseDirectory(dir.Path).UseFileName("Long"));

        Assert.Contains("more lines not shown", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Split('\n').Length < 230);
    }

    [Fact]
    public async Task UseMethodName_replaces_the_method_part()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("VerifierTests.Custom.verified.txt", "x");

        await Verify("x").UseDirectory(dir.Path).UseMethodName("Custom");
    }

    [Fact]
    public void Default_directory_is_the_repository_snapshots_folder()
    {
        SnapshotPaths paths = Verify("unused", "cs").ResolvePaths();

        string root = SnapshotPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        Assert.Equal(Path.Combine(root, "snapshots"), paths.Directory);
        Assert.True(File.Exists(Path.Combine(root, "LstmGen.sln")));
        Assert.Equal(
            Path.Combine(root, "snapshots", "VerifierTests.Default_directory_is_the_repository_snapshots_folder.verified.cs"),
            paths.VerifiedPath);
    }

    [Fact]
    public void Relative_directory_is_resolved_against_the_test_source_directory()
    {
        SnapshotPaths paths = Verify("unused").UseDirectory("Snaps").ResolvePaths();

        string root = SnapshotPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        Assert.Equal(Path.Combine(root, "tests", "LstmGen.Snapshots.Tests", "Snaps"), paths.Directory);
    }

    [Fact]
    public async Task Settings_cannot_change_after_verification_started()
    {
        using var dir = new TempSnapshotDirectory();
        dir.Write("Started.verified.txt", "x");
        SettingsTask task = Verify("x").UseDirectory(dir.Path).UseFileName("Started");

        await task;

        Assert.Throws<InvalidOperationException>(() => task.UseFileName("Other"));
    }
}
