using System.Globalization;
using System.Text;
using LstmGen.Demo.Models;
using LstmGen.Demo.Text;
using LstmGen.Demo.Training;

namespace LstmGen.Demo.Checkpoints;

/// <summary>
/// The checkpoint file format, version 1. Little-endian, written with <see cref="BinaryWriter"/> (strings are
/// length-prefixed UTF-8):
/// <code>
/// "LSTMGENC"                         8 bytes, magic
/// int32   version                    1
/// string  model name                 e.g. "lstm128"
/// int32   D, H, V, P                 sizes; P = parameter count
/// string  vocabulary                 sorted distinct Unicode scalar values, at most D
/// int32   optimiser                  0 Adam, 1 SGD
/// float64 learning rate, clip norm
/// int32   seq-len, batch, seed
/// int64   step
/// float32 θ[P]
/// int64   Adam t; float32 m[P], v[P] (Adam only)
/// float32 state[2H·batch]            per stream: h then c, carried into the next window
/// int32   n; float64 losses[n]       loss per character of every step (n = step)
/// byte    sha256[32]                 of every byte above
/// </code>
/// Loading checks, in order, the magic, the version, the checksum, then every field against the model the demo
/// declares (sizes, vocabulary, lengths, finite values), and throws a <see cref="DemoException"/> naming what is wrong.
/// Every count is checked against the bytes left in the file before an array is allocated for it.
/// </summary>
public static class CheckpointFile
{
    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    private static readonly byte[] Magic = "LSTMGENC"u8.ToArray();

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="path"/> (through a temporary file, so an
    /// interrupted save never leaves half a checkpoint under the final name).</summary>
    /// <exception cref="IOException">The file or its directory cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">No permission to write it.</exception>
    public static void Save(Checkpoint checkpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        LstmGen.Interop.AtomicFile.WriteAllBytes(path, ToBytes(checkpoint));
    }

    /// <summary>The file's bytes.</summary>
    public static byte[] ToBytes(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return CheckpointEnvelope.Seal(Magic, Version, writer =>
        {
            writer.Write(checkpoint.ModelName);
            writer.Write(checkpoint.InputSize);
            writer.Write(checkpoint.HiddenSize);
            writer.Write(checkpoint.OutputSize);
            writer.Write(checkpoint.Parameters.Length);
            writer.Write(checkpoint.Vocabulary);
            writer.Write((int)checkpoint.Optimizer);
            writer.Write(checkpoint.LearningRate);
            writer.Write(checkpoint.ClipNorm);
            writer.Write(checkpoint.SeqLen);
            writer.Write(checkpoint.Batch);
            writer.Write(checkpoint.Seed);
            writer.Write(checkpoint.Step);
            WriteFloats(writer, checkpoint.Parameters);
            if (checkpoint.Optimizer == OptimizerKind.Adam)
            {
                writer.Write(checkpoint.AdamStepCount);
                WriteFloats(writer, checkpoint.AdamFirstMoment);
                WriteFloats(writer, checkpoint.AdamSecondMoment);
            }

            WriteFloats(writer, checkpoint.TrainingState);
            CheckpointEnvelope.WriteLosses(writer, checkpoint.Losses);
        });
    }

    /// <summary>Reads and validates the checkpoint at <paramref name="path"/>.</summary>
    /// <exception cref="DemoException">The file is missing, unreadable, corrupt, of another version, or for a model the demo does not declare.</exception>
    public static Checkpoint Load(string path) => FromBytes(CheckpointEnvelope.ReadFile(path, "Checkpoint"), path);

    /// <summary>Parses and validates a checkpoint's bytes.</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <exception cref="DemoException">The content is not a valid checkpoint of a model the demo declares.</exception>
    public static Checkpoint FromBytes(byte[] bytes, string source)
    {
        string where = $"Checkpoint {source}";
        return CheckpointEnvelope.Open(bytes, Magic, Version, where, reader => Read(reader, where));
    }

    private static Checkpoint Read(BinaryReader reader, string where)
    {
        string modelName = reader.ReadString();
        ModelEntry? entry = ModelCatalog.All.FirstOrDefault(m => m.Name == modelName)
            ?? throw new DemoException($"{where} is for model '{modelName}', which this demo does not declare (it offers {string.Join(", ", ModelCatalog.All.Select(m => m.Name))}).");
        int inputSize = reader.ReadInt32(), hiddenSize = reader.ReadInt32(), outputSize = reader.ReadInt32(), parameterCount = reader.ReadInt32();
        if (inputSize != entry.Vocabulary || hiddenSize != entry.HiddenSize || outputSize != entry.Vocabulary || parameterCount != entry.ParameterCount)
        {
            throw new DemoException(string.Create(CultureInfo.InvariantCulture,
                $"{where} has sizes D = {inputSize}, H = {hiddenSize}, V = {outputSize}, {parameterCount} parameters, but the demo's {modelName} is D = {entry.Vocabulary}, H = {entry.HiddenSize}, V = {entry.Vocabulary}, {entry.ParameterCount} parameters."));
        }

        string vocabulary = reader.ReadString();
        int vocabularySize = Vocabulary.CountRunes(vocabulary);
        Require(vocabularySize >= 2 && vocabularySize <= inputSize, where, $"its vocabulary has {vocabularySize} characters; expected 2 to {inputSize}");
        string? problem = Vocabulary.Problem(vocabulary);
        Require(problem is null, where, $"its vocabulary's characters {problem}");

        int optimizer = reader.ReadInt32();
        Require(Enum.IsDefined((OptimizerKind)optimizer), where, $"unknown optimiser code {optimizer}");
        double learningRate = reader.ReadDouble(), clipNorm = reader.ReadDouble();
        Require(double.IsFinite(learningRate) && learningRate > 0, where, $"learning rate {learningRate} is not positive and finite");
        Require(double.IsFinite(clipNorm) && clipNorm >= 0, where, $"clip norm {clipNorm} is negative or not finite");
        int seqLen = reader.ReadInt32(), batch = reader.ReadInt32(), seed = reader.ReadInt32();
        Require(seqLen >= 1, where, $"window length {seqLen} is below 1");
        Require(batch is >= 1 and <= TrainingOptions.MaxBatch, where, $"batch {batch} is outside 1 to {TrainingOptions.MaxBatch}");
        long step = reader.ReadInt64();
        Require(step >= 0, where, $"step {step} is negative");
        float[] parameters = ReadFloats(reader, parameterCount, where, "parameters");
        long adamStepCount = 0;
        float[] m = [], v = [];
        if ((OptimizerKind)optimizer == OptimizerKind.Adam)
        {
            adamStepCount = reader.ReadInt64();
            Require(adamStepCount >= 0, where, $"Adam step count {adamStepCount} is negative");
            m = ReadFloats(reader, parameterCount, where, "Adam first moment");
            v = ReadFloats(reader, parameterCount, where, "Adam second moment");
            Require(v.All(x => x >= 0), where, "Adam second moment has a negative entry");
        }

        float[] state = ReadFloats(reader, 2 * hiddenSize * batch, where, "training state");
        double[] losses = CheckpointEnvelope.ReadLosses(reader, step, where);
        return new Checkpoint
        {
            ModelName = modelName,
            InputSize = inputSize,
            HiddenSize = hiddenSize,
            OutputSize = outputSize,
            Vocabulary = vocabulary,
            Optimizer = (OptimizerKind)optimizer,
            LearningRate = learningRate,
            ClipNorm = clipNorm,
            SeqLen = seqLen,
            Batch = batch,
            Seed = seed,
            Step = step,
            Parameters = parameters,
            AdamStepCount = adamStepCount,
            AdamFirstMoment = m,
            AdamSecondMoment = v,
            TrainingState = state,
            Losses = losses,
        };
    }

    private static void WriteFloats(BinaryWriter writer, float[] values) => CheckpointEnvelope.WriteFloats(writer, values);

    private static float[] ReadFloats(BinaryReader reader, int count, string where, string what) => CheckpointEnvelope.ReadFloats(reader, count, where, what);

    private static void Require(bool condition, string where, string problem) => CheckpointEnvelope.Require(condition, where, problem);
}
