using LstmGen.Demo.Checkpoints;

namespace LstmGen.Demo.Forecasting;

/// <summary>
/// The forecast checkpoint format, version 2, in the demo's checkpoint envelope (<c>"LSTMGENF"</c>, int32 version,
/// body, SHA-256 of every byte before it; little-endian, strings length-prefixed UTF-8):
/// <code>
/// string  cell                       "lstm" or "gru"
/// int32   window, test months, batch, seed
/// float64 learning rate, clip norm, dropout
/// string  series name; int32 months; string series fingerprint (SHA-256 of its first month and values, hex)
/// int64   step
/// int32   P; float32 θ[P]
/// int64   Adam t (= step); float32 m[P], v[P]
/// int32   n; float64 losses[n]       (n = step)
/// </code>
/// Loading checks the envelope, then every field against the model the demo declares, and throws a
/// <see cref="DemoException"/> naming what is wrong.
/// </summary>
public static class ForecastCheckpointFile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 2;

    private static readonly byte[] Magic = "LSTMGENF"u8.ToArray();

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="path"/> as one whole file, creating its directory.</summary>
    /// <exception cref="IOException">The file or its directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write it.</exception>
    public static void Save(ForecastCheckpoint checkpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        LstmGen.Interop.AtomicFile.WriteAllBytes(path, ToBytes(checkpoint));
    }

    /// <summary>The file's bytes.</summary>
    public static byte[] ToBytes(ForecastCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ForecastOptions o = checkpoint.Options;
        return CheckpointEnvelope.Seal(Magic, Version, writer =>
        {
            writer.Write(o.Cell);
            writer.Write(o.Window);
            writer.Write(o.TestMonths);
            writer.Write(o.Batch);
            writer.Write(o.Seed);
            writer.Write(o.LearningRate);
            writer.Write(o.ClipNorm);
            writer.Write(o.Dropout);
            writer.Write(checkpoint.SeriesName);
            writer.Write(checkpoint.SeriesMonths);
            writer.Write(checkpoint.SeriesFingerprint);
            writer.Write(checkpoint.Step);
            writer.Write(checkpoint.Parameters.Length);
            CheckpointEnvelope.WriteFloats(writer, checkpoint.Parameters);
            writer.Write(checkpoint.AdamStepCount);
            CheckpointEnvelope.WriteFloats(writer, checkpoint.AdamFirstMoment);
            CheckpointEnvelope.WriteFloats(writer, checkpoint.AdamSecondMoment);
            CheckpointEnvelope.WriteLosses(writer, checkpoint.Losses);
        });
    }

    /// <summary>Reads and validates the checkpoint at <paramref name="path"/>.</summary>
    /// <exception cref="DemoException">The file is missing, unreadable, corrupt, of another version, or for a model the demo does not declare.</exception>
    public static ForecastCheckpoint Load(string path) => FromBytes(CheckpointEnvelope.ReadFile(path, "Checkpoint"), path);

    /// <summary>Parses and validates a checkpoint's bytes.</summary>
    /// <exception cref="DemoException">The content is not a valid forecast checkpoint of a model the demo declares.</exception>
    public static ForecastCheckpoint FromBytes(byte[] bytes, string source)
    {
        string where = $"Checkpoint {source}";
        return CheckpointEnvelope.Open(bytes, Magic, Version, where, reader => Read(reader, where));
    }

    private static ForecastCheckpoint Read(BinaryReader reader, string where)
    {
        string cell = reader.ReadString();
        Require(ForecastModels.All.Any(m => m.Name == cell), where, $"it is for the cell '{cell}', which this demo does not declare (it offers {string.Join(", ", ForecastModels.All.Select(m => m.Name))})");
        var options = new ForecastOptions
        {
            Cell = cell,
            Window = reader.ReadInt32(),
            TestMonths = reader.ReadInt32(),
            Batch = reader.ReadInt32(),
            Seed = reader.ReadInt32(),
            LearningRate = reader.ReadDouble(),
            ClipNorm = reader.ReadDouble(),
            Dropout = reader.ReadDouble(),
        };
        try
        {
            options.Validate();
        }
        catch (DemoException problem)
        {
            throw new DemoException($"{where} is invalid: its options are out of range ({problem.Message})", problem);
        }

        string seriesName = reader.ReadString();
        int months = reader.ReadInt32();
        Require(months > 0, where, $"its series has {months} months");
        string fingerprint = reader.ReadString();
        long step = reader.ReadInt64();
        Require(step >= 0, where, $"step {step} is negative");
        int parameterCount = reader.ReadInt32();
        int expected = ForecastModels.Find(cell).Model.ParameterCount;
        Require(parameterCount == expected, where, $"it holds {parameterCount} parameters, but the demo's {cell} model has {expected}");
        float[] parameters = CheckpointEnvelope.ReadFloats(reader, parameterCount, where, "parameters");
        long adamStepCount = reader.ReadInt64();
        Require(adamStepCount == step, where, $"Adam's step count {adamStepCount} differs from the step {step} (one Adam step per training step)");
        float[] m = CheckpointEnvelope.ReadFloats(reader, parameterCount, where, "Adam first moment");
        float[] v = CheckpointEnvelope.ReadFloats(reader, parameterCount, where, "Adam second moment");
        Require(v.All(x => x >= 0), where, "Adam second moment has a negative entry");
        double[] losses = CheckpointEnvelope.ReadLosses(reader, step, where);
        return new ForecastCheckpoint
        {
            Options = options,
            SeriesName = seriesName,
            SeriesMonths = months,
            SeriesFingerprint = fingerprint,
            Step = step,
            Parameters = parameters,
            AdamStepCount = adamStepCount,
            AdamFirstMoment = m,
            AdamSecondMoment = v,
            Losses = losses,
        };
    }

    private static void Require(bool condition, string where, string problem) => CheckpointEnvelope.Require(condition, where, problem);
}
