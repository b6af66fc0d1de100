namespace LstmGen.Snapshots.Tests;

/// <summary>A fresh temporary snapshot directory that also pins LSTMGEN_AUTOVERIFY for the test's duration.</summary>
internal sealed class TempSnapshotDirectory : IDisposable
{
    private const string Variable = "LSTMGEN_AUTOVERIFY";
    private readonly string? _previous;

    public TempSnapshotDirectory(string? autoVerify = null)
    {
        Path = Directory.CreateTempSubdirectory("lstmgen-snapshots-").FullName;
        _previous = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, autoVerify);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Write(string name, string content) => System.IO.File.WriteAllText(File(name), content);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Variable, _previous);
        Directory.Delete(Path, recursive: true);
    }
}
