namespace LstmGen.Interop;

/// <summary>
/// Limits a safetensors read enforces before it allocates anything: a hostile header cannot make the reader reserve
/// more memory than these allow.
/// </summary>
public sealed record SafeTensorsReadOptions
{
    /// <summary>The default options: a 100,000,000-byte header (the reference implementation's limit) and array-sized tensors and files.</summary>
    public static SafeTensorsReadOptions Default { get; } = new();

    /// <summary>The largest JSON header accepted, in bytes; 100,000,000 by default, as in the reference implementation.</summary>
    public long MaxHeaderBytes { get; init; } = 100_000_000;

    /// <summary>The largest single tensor accepted, in bytes; <see cref="Array.MaxLength"/> by default.</summary>
    public long MaxTensorBytes { get; init; } = Array.MaxLength;

    /// <summary>
    /// The largest whole file (prefix, header and data) accepted, in bytes; <see cref="Array.MaxLength"/> by default,
    /// which is also the most it may be set to (the file is read into one array).
    /// </summary>
    public long MaxFileBytes { get; init; } = Array.MaxLength;

    /// <summary>Checks that every limit is positive and that the file limit fits an array.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative, or <see cref="MaxFileBytes"/> exceeds <see cref="Array.MaxLength"/>.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHeaderBytes, 1, nameof(MaxHeaderBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTensorBytes, 1, nameof(MaxTensorBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFileBytes, 8, nameof(MaxFileBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFileBytes, Array.MaxLength, nameof(MaxFileBytes));
    }
}
