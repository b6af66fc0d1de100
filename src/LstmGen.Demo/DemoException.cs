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

    /// <summary>Creates the exception with a generic message.</summary>
    public DemoException()
        : base("The demo failed.")
    {
    }
}
