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
            $"Expected a tensor named '{name}', but the set has {(Count == 0 ? "none" : string.Join(", ", _tensors.Select(t => $"'{t.Name}'")))}.");

    /// <summary>Whether a tensor called <paramref name="name"/> exists.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Looks a tensor up by name.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out NamedTensor? tensor) =>
        _byName.TryGetValue(name, out tensor);

    /// <inheritdoc/>
    public IEnumerator<NamedTensor> GetEnumerator() => ((IEnumerable<NamedTensor>)_tensors).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
