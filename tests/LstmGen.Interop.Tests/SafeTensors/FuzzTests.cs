using System.Diagnostics;
using System.Runtime.InteropServices;
using LstmGen.Interop.Layouts;
using Xunit.Abstractions;

namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>
/// Seeded random corruptions (byte and bit flips, truncations, insertions, deletions, prefix rewrites) of valid files:
/// every read either succeeds or throws <see cref="SafeTensorsFormatException"/>, never anything else, and no case
/// takes long (the parser is a single linear pass); an import after a successful read either succeeds or throws
/// <see cref="InvalidDataException"/> with the parameters unchanged.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Cases = 20_000;

    [Fact]
    public void Random_corruptions_give_either_a_tensor_set_or_a_SafeTensorsFormatException()
    {
        byte[][] seeds =
        [
            HostileFiles.Valid(),
            Interop.SafeTensors.Write(LstmGenWeights.Export<float>(StLstm3x5HeadFloat.Layout, new float[StLstm3x5HeadFloat.Layout.ParameterCount])),
            Interop.SafeTensors.Write(new TensorSet(
                [NamedTensor.FromValues<double>("größe_\u00e9", [2, 0, 3], []), NamedTensor.FromValues<float>("s", [], [1.5f])],
                new Dictionary<string, string> { ["note"] = "ünïcode \"quoted\"" })),
        ];
        var random = new Random(20261125);
        var readFailures = new HashSet<Type>();
        var importFailures = new HashSet<Type>();
        int reads = 0;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        for (int k = 0; k < Cases; k++)
        {
            byte[] file = Mutate(seeds[k % seeds.Length], random);
            var watch = Stopwatch.StartNew();
            TensorSet? set = TryRead(file, useStream: k % 4 == 3, readFailures);
            if (set is not null)
            {
                reads++;
                TryImport(set, importFailures);
            }

            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }

        output.WriteLine($"{Cases} cases in {total.Elapsed.TotalSeconds:F2} s, {reads} read successfully, slowest case {slowest.TotalMilliseconds:F1} ms.");
        Assert.Equal([typeof(SafeTensorsFormatException)], readFailures);
        Assert.Subset(new HashSet<Type> { typeof(InvalidDataException) }, importFailures);
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"The slowest case took {slowest.TotalMilliseconds:F0} ms.");
    }

    private static TensorSet? TryRead(byte[] file, bool useStream, HashSet<Type> failures)
    {
        try
        {
            return useStream ? Interop.SafeTensors.Read(new ForwardOnlyStream(file)) : Interop.SafeTensors.Read(file);
        }
        catch (Exception error)
        {
            failures.Add(error.GetType());
            return null;
        }
    }

    private static void TryImport(TensorSet set, HashSet<Type> failures)
    {
        double[] target = new double[StLstm2x1Double.Layout.ParameterCount];
        Array.Fill(target, -3.25);
        try
        {
            LstmGenWeights.Import<double>(set, StLstm2x1Double.Layout, target);
        }
        catch (Exception error)
        {
            failures.Add(error.GetType());
            Assert.All(target, v => Assert.Equal(-3.25, v));
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    bytes = bytes[..random.Next(bytes.Count + 1)];
                    break;
                case 3:
                    bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 4 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(8)));
                    break;
                case 5 when bytes.Count >= 8:
                    // A new header length: small, near the truth, or huge.
                    ulong length = random.Next(3) switch
                    {
                        0 => (ulong)random.Next(400),
                        1 => (ulong)random.NextInt64(),
                        _ => ulong.MaxValue - (ulong)random.Next(16),
                    };
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(CollectionsMarshal.AsSpan(bytes), length);
                    break;
                default:
                    // A JSON-significant character dropped into the header region.
                    byte[] tokens = "{}[]\",:-0123456789 .eE\\"u8.ToArray();
                    if (bytes.Count > 8)
                    {
                        bytes[8 + random.Next(bytes.Count - 8)] = tokens[random.Next(tokens.Length)];
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
