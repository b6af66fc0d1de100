using System.Runtime.CompilerServices;

namespace LstmGen.Snapshots;

/// <summary>
/// The settings of one verification, refined by fluent calls and run when awaited
/// (like Verify's <c>SettingsTask</c>). Settings cannot change once the verification has started.
/// </summary>
public sealed class SettingsTask
{
    private readonly string? _target;
    private readonly string _extension;
    private readonly string _sourceFile;
    private string _methodName;
    private string? _fileName;
    private string? _directory;
    private Task? _task;

    internal SettingsTask(string? target, string extension, string sourceFile, string methodName)
    {
        _target = target;
        _extension = extension.TrimStart('.');
        _sourceFile = sourceFile;
        _methodName = methodName;
    }

    /// <summary>Uses <paramref name="name"/> as the whole file name stem instead of <c>{Class}.{Method}</c>.</summary>
    /// <param name="name">The stem, e.g. <c>TinyLstm</c> for <c>TinyLstm.verified.cs</c>.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseFileName(string name)
    {
        ThrowIfStarted();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _fileName = name;
        return this;
    }

    /// <summary>
    /// Stores the snapshots in <paramref name="relativeOrAbsolute"/> instead of the repository's
    /// <c>snapshots/</c> folder. A relative path is resolved against the test source file's directory, as in Verify.
    /// </summary>
    /// <param name="relativeOrAbsolute">The directory; created if missing.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseDirectory(string relativeOrAbsolute)
    {
        ThrowIfStarted();
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeOrAbsolute);
        _directory = relativeOrAbsolute;
        return this;
    }

    /// <summary>Replaces the method part of <c>{Class}.{Method}</c>.</summary>
    /// <param name="name">The method name to use.</param>
    /// <returns>This instance.</returns>
    public SettingsTask UseMethodName(string name)
    {
        ThrowIfStarted();
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _methodName = name;
        return this;
    }

    /// <summary>Starts the verification (once) and returns its task.</summary>
    /// <returns>A task that faults with <see cref="SnapshotMismatchException"/> when the snapshot differs.</returns>
    public Task ToTask() => _task ??= SnapshotCheck.RunAsync(_target, ResolvePaths());

    /// <summary>Lets tests write <c>await Verify(...)</c>; starts the verification.</summary>
    /// <returns>The awaiter of <see cref="ToTask"/>.</returns>
    public TaskAwaiter GetAwaiter() => ToTask().GetAwaiter();

    internal SnapshotPaths ResolvePaths() =>
        SnapshotPaths.Resolve(_sourceFile, _methodName, _fileName, _directory, _extension);

    private void ThrowIfStarted()
    {
        if (_task is not null)
        {
            throw new InvalidOperationException("The verification has already started; configure it before awaiting.");
        }
    }
}
