using System.Numerics;
using System.Runtime.Intrinsics;
using LstmGen.Kernels;
using LstmGen.Models.Tests.Contract;
using LstmGen.TestSupport;

namespace LstmGen.SimdWidths;

/// <summary>
/// Prints which vector widths this process accelerates (<c>accelerated: Vector512 …, Vector256 …, Vector128 …</c>), then
/// runs every check of <see cref="Checks"/> over every kernel and prints one line per check (<c>ok</c> or <c>FAIL</c>
/// with the failures). Exit code 0 when every check passed, 1 otherwise.
/// </summary>
public static class Program
{
    public static int Main()
    {
        Console.WriteLine(
            $"accelerated: Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}");
        int failed = 0;
        int seed = 1;
        void Run(string what, List<string> failures)
        {
            Console.WriteLine(failures.Count == 0 ? $"ok   {what}" : $"FAIL {what}:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", failures)}");
            failed += failures.Count == 0 ? 0 : 1;
        }

        void All<TKernel, T>(bool reference)
            where TKernel : struct, IRecurrentKernel<TKernel, T>
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            string name = typeof(TKernel).Name;
            Run($"{name}: steps against the loop kernels", Checks.AgainstLoops<TKernel, T>(seed++));
            Run($"{name}: batches equal the single steps (forward exactly, BPTT to rounding)", Checks.BatchEqualsSingleSteps<TKernel, T>(seed++));
            if (reference)
            {
                Run($"{name}: batch BPTT against the MathNet reference", Checks.AgainstReference<TKernel, T>(seed++));
            }
        }

        void Activations<T>(double bound)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            var worst = ActivationAccuracy.Worst<T>();
            var failures = new List<string>();
            if (!(worst.Sigmoid <= bound && worst.Tanh <= bound))
            {
                failures.Add($"σ {worst.Sigmoid:F2} ulps at {worst.SigmoidAt:R}, tanh {worst.Tanh:F2} ulps at {worst.TanhAt:R}");
            }

            Run($"{typeof(T).Name} σ and tanh within {bound} ulps (worst: σ {worst.Sigmoid:F2}, tanh {worst.Tanh:F2})", failures);
        }

        Activations<float>(ActivationAccuracy.FloatUlps);
        Activations<double>(ActivationAccuracy.DoubleUlps);
        All<SimdLstm10x128Head10Float, float>(reference: true);
        All<SimdLstm10x128Head10Double, double>(reference: true);
        All<SimdRnn10x128Head10Float, float>(reference: true);
        All<SimdRnn10x128Head10Double, double>(reference: true);
        All<SimdLstm5x33Head17Float, float>(reference: true);
        All<SimdRnn3x7Head3Double, double>(reference: true);
        All<SimdLstm2x3Head2Float, float>(reference: true);
        All<SimdLstm3x7Double, double>(reference: false);
        All<SimdLstm3x7Float, float>(reference: false);
        All<SimdLstm10x15Double, double>(reference: false);
        All<SimdRnn10x15Float, float>(reference: false);
        All<SimdLstm5x33Float, float>(reference: false);
        All<SimdRnn5x33Double, double>(reference: false);
        All<SimdLstm1x1Double, double>(reference: false);
        All<SimdLstm1x1Float, float>(reference: false);
        All<SimdRnn1x1Double, double>(reference: false);
        All<SimdRnn1x1Float, float>(reference: false);
        All<SimdGru10x128Head10Float, float>(reference: true);
        All<SimdGru10x128Head10Double, double>(reference: true);
        All<SimdGru5x33Head7Double, double>(reference: true);
        All<SimdGru3x5Head4Double, double>(reference: true);
        All<SimdGru3x5Float, float>(reference: false);
        All<SimdGru4x17Double, double>(reference: false);
        All<SimdGru4x17Float, float>(reference: false);
        All<SimdGru5x33Float, float>(reference: false);
        All<SimdGru1x1Double, double>(reference: false);
        All<SimdGru1x1Float, float>(reference: false);
        All<NoBiasSimdLstm10x15Double, double>(reference: false);
        All<NoBiasSimdLstm5x33Float, float>(reference: false);
        All<NoBiasSimdRnn5x33Double, double>(reference: false);
        All<NoBiasSimdGru5x33Head7Double, double>(reference: false);
        Console.WriteLine(failed == 0 ? "all checks passed" : $"{failed} check(s) failed");
        return failed == 0 ? 0 : 1;
    }
}
