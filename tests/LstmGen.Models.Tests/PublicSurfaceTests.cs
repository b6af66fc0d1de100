using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace LstmGen.Models.Tests;

/// <summary>
/// The public surface of the runtime library LstmGen.dll: every public type outside <c>LstmGen.Internal</c> is API (an
/// approved list here: adding or removing one is a decision, made by editing the list), every public type inside it is
/// a helper of generated code hidden from IntelliSense, and a generated cell shows its users no per-width kernel.
/// </summary>
public sealed partial class PublicSurfaceTests
{
    private const string InternalNamespace = "LstmGen.Internal";

    private static readonly Assembly Library = typeof(CellLayout).Assembly;

    /// <summary>The API: what users call or name. Sorted ordinally.</summary>
    private static readonly string[] ApprovedApi =
    [
        "LstmGen.Adam`1",
        "LstmGen.AlignedMemory",
        "LstmGen.BatchReduction",
        "LstmGen.CellLayout",
        "LstmGen.GradientClipping",
        "LstmGen.Gradients`2",
        "LstmGen.GruCellAttribute",
        "LstmGen.GruGate",
        "LstmGen.IRecurrentCell`1",
        "LstmGen.Interop.AtomicFile",
        "LstmGen.Interop.Layouts.GateOrder",
        "LstmGen.Interop.Layouts.KerasLayout",
        "LstmGen.Interop.Layouts.KerasNames",
        "LstmGen.Interop.Layouts.LstmGenWeights",
        "LstmGen.Interop.Layouts.OnnxLayout",
        "LstmGen.Interop.Layouts.ParameterBlock",
        "LstmGen.Interop.Layouts.ParameterBlocks",
        "LstmGen.Interop.Layouts.PyTorchLayout",
        "LstmGen.Interop.Layouts.PyTorchModelLayout",
        "LstmGen.Interop.Layouts.PyTorchModule",
        "LstmGen.Interop.Layouts.PyTorchNames",
        "LstmGen.Interop.NamedTensor",
        "LstmGen.Interop.SafeTensors",
        "LstmGen.Interop.SafeTensorsFormatException",
        "LstmGen.Interop.SafeTensorsReadOptions",
        "LstmGen.Interop.TensorDataType",
        "LstmGen.Interop.TensorSet",
        "LstmGen.KernelBudget",
        "LstmGen.KernelStrategy",
        "LstmGen.Kernels.GruLoopKernel`2",
        "LstmGen.Kernels.ICellShape",
        "LstmGen.Kernels.IRecurrentKernel`2",
        "LstmGen.Kernels.Losses`2",
        "LstmGen.Kernels.LstmLoopKernel`2",
        "LstmGen.Kernels.Recurrent`2",
        "LstmGen.Kernels.RnnLoopKernel`2",
        "LstmGen.Kernels.SoftmaxHead`2",
        "LstmGen.LossSteps",
        "LstmGen.LstmCellAttribute",
        "LstmGen.LstmGate",
        "LstmGen.ModelLayerAttribute",
        "LstmGen.Models.ModelLayer`1",
        "LstmGen.Models.ModelLayout",
        "LstmGen.Models.ModelWorkspace`1",
        "LstmGen.Models.RecurrentModel`1",
        "LstmGen.OutputHead",
        "LstmGen.Parallel.ParallelCellTrainer`1",
        "LstmGen.Parallel.ParallelModelTrainer`1",
        "LstmGen.Parallel.TrainerThreads",
        "LstmGen.ParameterBuffer`2",
        "LstmGen.Parameters`2",
        "LstmGen.RecurrentCellAttribute",
        "LstmGen.RecurrentCellKind",
        "LstmGen.RecurrentCell`2",
        "LstmGen.RecurrentModelAttribute",
        "LstmGen.RnnCellAttribute",
        "LstmGen.ScalarType",
        "LstmGen.StepCache`2",
        "LstmGen.TypedCell`2",
        "LstmGen.Workspace`2",
    ];

    /// <summary>The helpers generated code calls (it lives in the user's assembly, so they must be public). Sorted.</summary>
    private static readonly string[] ApprovedInternal =
    [
        "LstmGen.Internal.Activations",
        "LstmGen.Internal.FixedVector`2",
        "LstmGen.Internal.GateActivations",
        "LstmGen.Internal.Guard",
        "LstmGen.Internal.KernelChecks",
        "LstmGen.Internal.Optimizers",
        "LstmGen.Internal.SoftmaxMath",
        "LstmGen.Internal.VectorMath",
    ];

    [Fact]
    public void The_public_types_outside_LstmGen_Internal_are_the_approved_API()
    {
        string[] actual = [.. Library.GetExportedTypes().Where(t => t.Namespace != InternalNamespace).Select(t => t.FullName!).Order(StringComparer.Ordinal)];
        Assert.Equal(ApprovedApi, actual);
    }

    [Fact]
    public void The_public_types_in_LstmGen_Internal_are_the_approved_helpers()
    {
        string[] actual = [.. Library.GetExportedTypes().Where(t => t.Namespace == InternalNamespace).Select(t => t.FullName!).Order(StringComparer.Ordinal)];
        Assert.Equal(ApprovedInternal, actual);
    }

    [Fact]
    public void Every_public_type_in_LstmGen_Internal_is_hidden_from_IntelliSense()
    {
        Type[] helpers = [.. Library.GetExportedTypes().Where(t => t.Namespace == InternalNamespace)];
        Assert.NotEmpty(helpers);
        foreach (Type helper in helpers)
        {
            var attribute = helper.GetCustomAttribute<EditorBrowsableAttribute>(inherit: false);
            Assert.True(attribute?.State == EditorBrowsableState.Never, $"{helper.FullName} lacks [EditorBrowsable(EditorBrowsableState.Never)]");
        }
    }
}
