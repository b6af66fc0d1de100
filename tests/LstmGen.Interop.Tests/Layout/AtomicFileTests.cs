namespace LstmGen.Interop.Tests.Layout;

/// <summary>Whole-file writes used by safetensors, ONNX export and the demo.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lstmgen-atomic-").FullName;

    [Fact]
    public void Replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        string path = Path.Combine(_directory, "w.bin");
        File.WriteAllBytes(path, [9, 9, 9, 9]);
        AtomicFile.WriteAllBytes(path, [1, 2]);
        Assert.Equal([1, 2], File.ReadAllBytes(path));
        Assert.Equal(["w.bin"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_write_leaves_nothing_behind_and_names_the_path()
    {
        string path = Path.Combine(_directory, "missing-folder", "w.bin");
        var error = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(path, [1]));
        Assert.Contains("missing-folder", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
