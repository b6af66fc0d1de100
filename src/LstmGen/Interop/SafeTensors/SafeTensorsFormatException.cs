namespace LstmGen.Interop;

/// <summary>
/// A safetensors file (or stream, or byte buffer) breaks the format: the message names the tensor concerned, when
/// one is, and says exactly what was expected and what was found, e.g.
/// "Tensor 'weight_ih_l0': data_offsets [0, 96] extend past the 64-byte data section".
/// </summary>
/// <remarks>
/// <para>
/// It derives from <see cref="IOException"/> because <see cref="InvalidDataException"/>, the natural base, is sealed;
/// catch <see cref="IOException"/> to handle both a corrupt file and a file that cannot be opened.
/// </para>
/// <para>
/// The interop API has three failure classes, each with its own exception: the bytes break the format
/// (<see cref="SafeTensorsFormatException"/>, an <see cref="IOException"/>); the tensors are well formed but are not
/// this cell's weights — a tensor missing or misshapen, metadata for another cell, a value beyond the cell's float
/// range (<see cref="InvalidDataException"/>, thrown by every layout's <c>Import</c>; it is not an
/// <see cref="IOException"/>); the caller's arguments are wrong — a parameter span of the wrong length, names for
/// another cell kind (<see cref="ArgumentException"/>). Code that loads a user-supplied file and wants to report any
/// problem with it catches <c>IOException or InvalidDataException</c>.
/// </para>
/// </remarks>
public sealed class SafeTensorsFormatException : IOException
{
    /// <summary>Creates the exception for a problem that concerns no single tensor (the prefix, the JSON, the layout).</summary>
    public SafeTensorsFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a problem with the tensor called <paramref name="tensorName"/>.</summary>
    public SafeTensorsFormatException(string message, string? tensorName)
        : base(message)
    {
        TensorName = tensorName;
    }

    /// <summary>Creates the exception for a problem with a tensor, caused by <paramref name="innerException"/>.</summary>
    public SafeTensorsFormatException(string message, string? tensorName, Exception? innerException)
        : base(message, innerException)
    {
        TensorName = tensorName;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public SafeTensorsFormatException()
        : base("The safetensors data is malformed.")
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public SafeTensorsFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The name of the tensor the problem concerns, or null when it concerns the file as a whole.</summary>
    public string? TensorName { get; }

    /// <summary>Creates the exception for <paramref name="tensorName"/> with the message "Tensor 'name': problem".</summary>
    internal static SafeTensorsFormatException ForTensor(string tensorName, string problem) =>
        new($"Tensor '{SafeTensorsText.Quote(tensorName)}': {problem}", tensorName);
}
