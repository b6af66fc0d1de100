using LstmGen.Internal;
using LstmGen.Kernels;

namespace LstmGen;

public static partial class TypedCell<TKernel, T>
{
    /// <summary>
    /// What each check says it expected, built once per cell (an interpolated message built per call would allocate on
    /// every call, even when the check passes). Every check names the caller's argument, not the contract's.
    /// </summary>
    private static class Say
    {
        public static readonly string Targets = $"the targets of {Name}";
        public static readonly string OutputGradients = $"the output gradients of {Name}";
        public static readonly string Outputs = $"the hidden outputs of {Name}";
        public static readonly string InputGradients = $"the input gradients of {Name} (one per input, or empty)";
        public static readonly string Caches = $"the step caches of {Name} (T x m steps of CacheLength = {TKernel.CacheLength} values)";
        public static readonly string BatchedInputs = $"the batched inputs of {Name} (T x m)";
        public static readonly string BatchedTargets = $"the batched targets of {Name} (T x m)";
        public static readonly string BatchedOutputs = $"the batched hidden outputs of {Name} (T x m)";
        public static readonly string BatchedOutputGradients = $"the batched output gradients of {Name} (T x m)";
        public static readonly string BatchedInputGradients = $"the batched input gradients of {Name} (T x m, or empty)";
        public static readonly string InitialStates = $"the initial states of {Name} (one per sequence, or empty)";
        public static readonly string FinalStates = $"the final states of {Name} (one per sequence)";
        public static readonly string InitialGradients = $"the initial states' gradients of {Name} (one per sequence, or empty)";
        public static readonly string InputsPerState = $"the inputs of {Name} (one per sample)";
        public static readonly string NextStates = $"the next states of {Name} (one per sample)";
        public static readonly string OutputGradientsPerInput = $"the output gradients of {Name} (one per sample)";
        public static readonly string Carry = $"the carried gradients of {Name} (one per sample)";
        public static readonly string CarryOut = $"the carried gradients out of {Name} (one per sample)";
        public static readonly string OneHotIndices = $"the one-hot input indices of {Name}";
        public static readonly string ClassIndices = $"the class indices of {Name} (V = {TKernel.OutputSize})";
        public static readonly string Distributions = $"the target distributions of {Name}";
        public static readonly string WorkspaceRows = $"the workspace of {Name} (MaxSteps x MaxBatch)";
        public static readonly string WorkspaceBatch = $"the workspace of {Name} (MaxBatch)";
        public static readonly string WorkspaceSteps = $"the workspace of {Name} (MaxSteps)";
        public static readonly string SoftmaxHeadNeeded = Losses<TKernel, T>.HeadMismatch(OutputHead.Softmax, Name);
        public static readonly string LinearHeadNeeded = Losses<TKernel, T>.HeadMismatch(OutputHead.Linear, Name);
    }

    // A flat cache buffer of `rows` step caches.
    private static void CheckCaches(int length, int rows, string parameterName) =>
        Guard.Length(length, rows * TKernel.CacheLength, Say.Caches, parameterName);

    // A typed buffer that holds `rows` values, or may be empty when `optional`.
    private static void CheckRows(int length, int rows, string what, string parameterName, bool optional = false)
    {
        if (!(optional && length == 0))
        {
            Guard.Length(length, rows, what, parameterName);
        }
    }
}
