using LstmGen.Interop.Layouts;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>
/// Every way a file cannot be read or written is an <see cref="IOException"/> whose message names the user's path (not
/// a temporary file), so that the README's "catch IOException or InvalidDataException" covers every problem with a
/// file; the operating system's own exception is kept as the inner exception.
/// </summary>
public sealed class FileErrorTests
{
    [Fact]
    public void Load_of_a_directory_is_an_IOException_naming_it()
    {
        using var directory = new TempDirectory();
        string path = directory.File("weights.safetensors");
        Directory.CreateDirectory(path);

        IOException error = AssertLoadFails(path);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
    }

    [Fact]
    public void Load_of_a_missing_file_is_an_IOException_naming_it()
    {
        using var directory = new TempDirectory();
        string path = directory.File("missing.safetensors");

        IOException error = AssertLoadFails(path);

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A file the process may not read. Tests run as root, which reads a chmod 000 file anyway, so this uses a file
    /// that refuses even root when there is one (<c>/proc/1/environ</c> in a container whose process 1 belongs to
    /// another user namespace), and otherwise a chmod 000 file; when neither refuses, the directory test above covers
    /// the same <see cref="UnauthorizedAccessException"/>.
    /// </summary>
    [Fact]
    public void Load_of_an_unreadable_file_is_an_IOException_naming_it()
    {
        using var directory = new TempDirectory();
        string path = directory.File("unreadable.safetensors");
        LstmGenWeights.Save<double>(path, StLstm2x1Double.Layout, new StLstm2x1Double.Parameters().AsSpan());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        string? unreadable = new[] { path, "/proc/1/environ" }.FirstOrDefault(IsUnreadable);
        if (unreadable is null)
        {
            return;
        }

        IOException error = AssertLoadFails(unreadable);

        Assert.Contains(unreadable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_into_a_missing_directory_names_the_path_and_leaves_nothing()
    {
        using var directory = new TempDirectory();
        string path = Path.Combine(directory.Path, "missing-folder", "w.safetensors");

        AssertSaveFailsNamingOnly(path);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [Fact]
    public void Save_under_a_regular_file_names_the_path_and_leaves_nothing()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("file.txt"), "not a folder");
        string path = Path.Combine(directory.Path, "file.txt", "w.safetensors");

        AssertSaveFailsNamingOnly(path);
        Assert.Equal(["file.txt"], Directory.GetFileSystemEntries(directory.Path).Select(Path.GetFileName));
        Assert.Equal("not a folder", File.ReadAllText(directory.File("file.txt")));
    }

    [Fact]
    public void Save_into_proc_names_the_path()
    {
        if (Directory.Exists("/proc"))
        {
            AssertSaveFailsNamingOnly("/proc/w.safetensors");       // procfs refuses new files, even to root
        }
    }

    private static IOException AssertLoadFails(string path)
    {
        var target = new StLstm2x1Double.Parameters();
        target.AsSpan().Fill(7.0);
        IOException error = Assert.ThrowsAny<IOException>(() => LstmGenWeights.Load<double>(path, StLstm2x1Double.Layout, target.AsSpan()));
        Assert.All(target.AsSpan().ToArray(), value => Assert.Equal(7.0, value));
        return error;
    }

    /// <summary>Save fails with an IOException naming <paramref name="path"/> and no temporary file.</summary>
    private static void AssertSaveFailsNamingOnly(string path)
    {
        IOException error = Assert.ThrowsAny<IOException>(() => LstmGenWeights.Save<double>(path, StLstm2x1Double.Layout, new StLstm2x1Double.Parameters().AsSpan()));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    private static bool IsUnreadable(string path)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            stream.ReadByte();
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
