using System.Collections;
using System.Collections.Immutable;

namespace LstmGen.Interop;

/// <summary>
/// An immutable, ordered set of uniquely named tensors with optional string metadata: the in-memory content of a
/// weight file such as safetensors, and what framework layouts produce and consume.
/// </summary>
public sealed class TensorSet : IReadOnlyList<NamedTensor>
{
    private readonly ImmutableArray<NamedTensor> _tensors;
    private readonly ImmutableDictionary<string, NamedTensor> _byName;

    /// <summary>Creates a set; names must be unique (ordinal comparison).</summary>
    /// <exception cref="ArgumentException">Two tensors share a name.</exception>
    public TensorSet(IEnumerable<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        _tensors = [.. tensors];
        var byName = ImmutableDictionary.CreateBuilder<string, NamedTensor>(StringComparer.Ordinal);
        foreach (NamedTensor tensor in _tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor, nameof(tensors));
            if (!byName.TryAdd(tensor.Name, tensor))
            {
                throw new ArgumentException($"Tensor name '{tensor.Name}' appears more than once; names must be unique.", nameof(tensors));
            }
        }

        _byName = byName.ToImmutable();
        Metadata = metadata is null
            ? ImmutableSortedDictionary<string, string>.Empty
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, metadata);
    }

    /// <summary>Free-form string metadata (safetensors' <c>__metadata__</c>), sorted by key.</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; }

    /// <inheritdoc/>
    public int Count => _tensors.Length;

    /// <inheritdoc/>
    public NamedTensor this[int index] => _tensors[index];

    /// <summary>The tensor called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No tensor has that name; the message lists the names present.</exception>
    public NamedTensor this[string name] => TryGet(name, out NamedTensor? tensor)
        ? tensor
        : throw new KeyNotFoundException(
            $"Expected a tensor named '{name}', but the set has {(Count == 0 ? "none" : List(_tensors.Select(t => $"'{t.Name}'")))}.");

    /// <summary>Whether a tensor called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Looks a tensor up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NamedTensor? tensor) =>
        _byName.TryGetValue(name, out tensor);

    /// <summary>
    /// The tensor called <paramref name="name"/>, checked to have exactly <paramref name="shape"/>: the one check every
    /// layout import makes before it writes anything.
    /// </summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="shape">The expected shape.</param>
    /// <param name="context">What the tensor is for, e.g. "PyTorch nn.LSTM weights for LSTM D = 2, H = 1".</param>
    /// <exception cref="InvalidDataException">The tensor is missing or has another shape; the message names both shapes.</exception>
    public NamedTensor Require(string name, ReadOnlySpan<int> shape, string context)
    {
        if (!TryGet(name, out NamedTensor? tensor))
        {
            throw new InvalidDataException(
                $"Expected a tensor '{name}' of shape {NamedTensor.FormatShape(shape)} ({context}), but there is none; the set has " +
                $"{(Count == 0 ? "no tensors" : List(_tensors.Select(t => t.Describe())))}.");
        }

        if (!tensor.Shape.AsSpan().SequenceEqual(shape))
        {
            throw new InvalidDataException(
                $"Expected tensor '{name}' to have shape {NamedTensor.FormatShape(shape)} ({context}), but it has shape {NamedTensor.FormatShape(tensor.Shape.AsSpan())}.");
        }

        return tensor;
    }

    /// <summary>
    /// The first <see cref="MaxListed"/> of <paramref name="items"/>, comma-separated, then "and N more": a message
    /// about a set read from a (possibly hostile) file stays short however many tensors the file holds.
    /// </summary>
    internal static string List(IEnumerable<string> items)
    {
        string[] all = [.. items];
        return all.Length <= MaxListed
            ? string.Join(", ", all)
            : $"{string.Join(", ", all.Take(MaxListed))} and {all.Length - MaxListed} more";
    }

    /// <summary>Items a message lists before it says "and N more".</summary>
    internal const int MaxListed = 20;

    /// <inheritdoc/>
    public IEnumerator<NamedTensor> GetEnumerator() => ((IEnumerable<NamedTensor>)_tensors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
