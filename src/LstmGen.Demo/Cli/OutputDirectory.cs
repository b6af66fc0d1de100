namespace LstmGen.Demo.Cli;

/// <summary>
/// The <c>--out</c> directory of <c>train</c>, checked before any step is trained so that a run is never lost to a
/// place it cannot be saved: the directory is created if needed, then a probe file is written into it and deleted.
/// </summary>
internal static class OutputDirectory
{
    /// <summary>Creates <paramref name="directory"/> if needed and proves that a file can be written into it.</summary>
    /// <exception cref="DemoException"><paramref name="directory"/> is an existing file, or it cannot be created or
    /// written (a read-only place, <c>/proc</c>, <c>/sys</c>, no permission, a full disk).</exception>
    public static void RequireWritable(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory))
        {
            throw new DemoException($"Cannot use --out {directory}: it is a file, not a directory.");
        }

        try
        {
            Directory.CreateDirectory(directory);
            string probe = Path.Combine(directory, $".lstmgen-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, "probe"u8.ToArray());
            File.Delete(probe);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new DemoException($"Cannot write to --out {directory}: {error.Message}", error);
        }
    }
}
