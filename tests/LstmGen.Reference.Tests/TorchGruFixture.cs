using System.Buffers.Binary;
using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;

namespace LstmGen.Reference.Tests;

/// <summary>
/// One committed float64 PyTorch GRU fixture (tools/pytorch-fixtures/README.md), read here with a few lines of
/// safetensors parsing so that the reference is checked against PyTorch without the runtime library or its importer:
/// tensors by name (row-major, F64), and the case's metadata.
/// </summary>
internal sealed class TorchGruFixture
{
    private readonly Dictionary<string, (int[] Shape, double[] Values)> _tensors;

    private TorchGruFixture(string name, Dictionary<string, (int[] Shape, double[] Values)> tensors, Dictionary<string, string> metadata)
    {
        Name = name;
        _tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The float64 GRU fixtures make_fixtures.py writes (its CASES for gru and grucell).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "gru_d3_h4_f64", "gru_d5_h6_v5_f64", "gru_d7_h17_f64", "gru_d4_h33_v3_f64", "grucell_d3_h5_f64", "grucell_d7_h17_v3_f64",
    ];

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public IEnumerable<string> TensorNames => _tensors.Keys;

    public int Meta(string key) => int.Parse(Metadata[key], System.Globalization.CultureInfo.InvariantCulture);

    public double[] Values(string name) =>
        _tensors.TryGetValue(name, out var tensor) ? tensor.Values : throw new KeyNotFoundException($"{Name} has no tensor '{name}'.");

    /// <summary>Rows [first, first + count) of a row-major [rows, columns] tensor as a matrix.</summary>
    public Matrix<double> Rows(string name, int first, int count)
    {
        (int[] shape, double[] values) = _tensors[name];
        int columns = shape[1];
        return Matrix<double>.Build.Dense(count, columns, (r, c) => values[((first + r) * columns) + c]);
    }

    /// <summary>Entries [first, first + count) of a tensor as a vector.</summary>
    public Vector<double> Slice(string name, int first, int count) =>
        Vector<double>.Build.DenseOfArray(Values(name).AsSpan(first, count).ToArray());

    public static TorchGruFixture Load(string name)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name + ".safetensors"));
        int headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        int dataStart = 8 + headerLength;
        using JsonDocument header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var tensors = new Dictionary<string, (int[] Shape, double[] Values)>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__")
            {
                foreach (JsonProperty pair in entry.Value.EnumerateObject())
                {
                    metadata[pair.Name] = pair.Value.GetString()!;
                }

                continue;
            }

            if (entry.Value.GetProperty("dtype").GetString() != "F64")
            {
                throw new InvalidDataException($"{name}: tensor {entry.Name} is not F64.");
            }

            int[] shape = [.. entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];
            int begin = entry.Value.GetProperty("data_offsets")[0].GetInt32();
            int end = entry.Value.GetProperty("data_offsets")[1].GetInt32();
            var values = new double[(end - begin) / sizeof(double)];
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(dataStart + begin + (k * sizeof(double))));
            }

            tensors[entry.Name] = (shape, values);
        }

        return new TorchGruFixture(name, tensors, metadata);
    }
}
