namespace LstmGen.Interop;

/// <summary>
/// A safetensors file (or stream, or byte buffer) breaks the format: the message names the tensor concerned, when
/// one is, and says exactly what was expected and what was found, e.g.
/// "Tensor 'weight_ih_l0': data_offsets [0, 96] extend past the 64-byte data section".
/// </summary>
/// <remarks>
/// It derives from <see cref="IOException"/> because <see cref="InvalidDataException"/>, the natural base, is sealed;
/// catch <see cref="IOException"/> to handle both a corrupt file and a file that cannot be opened.
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
