namespace LstmGen.Interop;

/// <summary>Writes a whole file so that readers see either the old file or the complete new one, never a partial write.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to a temporary file next to <paramref name="path"/> and moves it over
    /// <paramref name="path"/>; on failure the temporary file is removed and an existing file is left as it was.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">
    /// The file cannot be written, for whatever reason (missing folder, a file where a folder should be, no permission,
    /// a read-only file system): the message names <paramref name="path"/>, never the temporary file, and the inner
    /// exception is the operating system's own (an <see cref="UnauthorizedAccessException"/> is wrapped too, so that
    /// one <c>catch (IOException)</c> covers every failure).
    /// </exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write '{path}': {error.Message.Replace(temporary, full, StringComparison.Ordinal)}", error);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Nothing is there (the move succeeded) or it cannot be removed: the write's own error, if any, matters more.
        }
    }
}
