namespace LstmGen.Snapshots;

/// <summary>Thrown when a received snapshot differs from its verified file, or no verified file exists yet.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public SnapshotMismatchException()
        : this("The snapshot does not match.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">The message.</param>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception describing a failed verification.</summary>
    /// <param name="message">The message, including paths and diff.</param>
    /// <param name="receivedPath">The received file that was written.</param>
    /// <param name="verifiedPath">The verified file it was compared with.</param>
    /// <param name="isNewSnapshot"><see langword="true"/> when no verified file existed.</param>
    public SnapshotMismatchException(string message, string receivedPath, string verifiedPath, bool isNewSnapshot)
        : base(message)
    {
        ReceivedPath = receivedPath;
        VerifiedPath = verifiedPath;
        IsNewSnapshot = isNewSnapshot;
    }

    /// <summary>The received file that was written, if known.</summary>
    public string? ReceivedPath { get; }

    /// <summary>The verified file the output was compared with, if known.</summary>
    public string? VerifiedPath { get; }

    /// <summary><see langword="true"/> when no verified file existed yet.</summary>
    public bool IsNewSnapshot { get; }
}
