namespace LstmGen.Demo.Cli;

/// <summary>Saves a run so that it is never lost: to its path, or, if that cannot be written after all, to a new file in the temporary directory.</summary>
internal static class CheckpointSaving
{
    /// <summary>
    /// Saves with <paramref name="save"/> to <paramref name="path"/>; if that path cannot be written (the directory was
    /// removed or replaced during the run, the disk is full), saves to <c>&lt;temp&gt;/&lt;fallbackName&gt;-&lt;guid&gt;.ckpt</c>
    /// instead and reports both, so that the steps are not lost.
    /// </summary>
    /// <exception cref="DemoException">The checkpoint could not be written to <paramref name="path"/> (the message names
    /// the file that holds the run instead), or nowhere.</exception>
    public static void Save(string path, string fallbackName, Action<string> save)
    {
        try
        {
            save(path);
            return;
        }
        catch (Exception error) when (IsWriteError(error))
        {
            string fallback = Path.Combine(Path.GetTempPath(), $"{fallbackName}-{Guid.NewGuid():N}.ckpt");
            try
            {
                save(fallback);
            }
            catch (Exception second) when (IsWriteError(second))
            {
                throw DemoException.CannotWrite(path, error, $"saving to {fallback} failed too: {second.Message}");
            }

            throw DemoException.CannotWrite(path, error, $"the run was saved to {fallback} instead (continue with --resume {fallback}).");
        }
    }

    /// <summary>Whether <paramref name="error"/> is a failure to write a file (rather than a bug).</summary>
    public static bool IsWriteError(Exception error) => error is IOException or UnauthorizedAccessException or NotSupportedException;
}
