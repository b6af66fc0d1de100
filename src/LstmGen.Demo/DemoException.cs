namespace LstmGen.Demo;

/// <summary>
/// An error the user can fix (a missing corpus, a corrupt checkpoint, a vocabulary too large for the cell): the
/// command line prints its message as one line and exits with a non-zero code, without a stack trace.
/// </summary>
public sealed class DemoException : Exception
{
    /// <summary>Creates the exception with a message meant for the user.</summary>
    public DemoException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message meant for the user and the error that caused it.</summary>
    public DemoException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The error for a file that could not be written. <see cref="LstmGen.Interop.AtomicFile"/>, which every demo write
    /// goes through, throws an <see cref="IOException"/> whose message already names the path; any other failure (an
    /// invalid path) gets the path in front, so the path is named exactly once either way.
    /// </summary>
    public static DemoException CannotWrite(string path, Exception error, string? consequence = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        string message = error is IOException ? error.Message : $"Cannot write '{path}': {error.Message}";
        return new DemoException(consequence is null ? message : $"{message.TrimEnd('.')}; {consequence}", error);
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DemoException()
        : base("The demo failed.")
    {
    }
}
