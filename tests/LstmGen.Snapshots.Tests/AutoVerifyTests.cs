namespace LstmGen.Snapshots.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class AutoVerifyTests
{
    [Fact]
    public async Task Auto_verify_writes_the_verified_file_and_passes()
    {
        using var dir = new TempSnapshotDirectory(autoVerify: "1");
        dir.Write("Auto.verified.txt", "old");
        dir.Write("Auto.received.txt", "stale");

        await Verify("new\r\ncontent").UseDirectory(dir.Path).UseFileName("Auto");
        await Verify("brand new").UseDirectory(dir.Path).UseFileName("Fresh");

        Assert.Equal("new\ncontent", File.ReadAllText(dir.File("Auto.verified.txt")));
        Assert.Equal("brand new", File.ReadAllText(dir.File("Fresh.verified.txt")));
        Assert.False(File.Exists(dir.File("Auto.received.txt")));
        Assert.False(File.Exists(dir.File("Fresh.received.txt")));
    }

    [Fact]
    public async Task Other_values_do_not_auto_verify()
    {
        using var dir = new TempSnapshotDirectory(autoVerify: "0");
        dir.Write("Auto.verified.txt", "old");

        await Assert.ThrowsAsync<SnapshotMismatchException>(async () =>
            await Verify("new").UseDirectory(dir.Path).UseFileName("Auto"));

        Assert.Equal("old", File.ReadAllText(dir.File("Auto.verified.txt")));
    }
}
