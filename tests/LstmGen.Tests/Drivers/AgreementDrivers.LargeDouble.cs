// Drivers: each wraps one generated cell behind ICellDriver. The bodies are identical apart from the two aliases
// C (the cell) and S (its scalar type); they cannot be shared because every cell is a distinct static type.
using LstmGen.Reference;
using LstmGen.Tests.Support;

namespace LstmGen.Tests.Drivers.Lstm10x16DoubleNs
{
    using C = LstmGen.Tests.Cells.Lstm10x16Double;
    using S = double;

    /// <summary>Drives <see cref="C"/> (D = 10, H = 16, double).</summary>
    internal sealed class Driver : ICellDriver
    {
        public string Name => "Lstm10x16Double";

        public int InputSize => C.InputSize;

        public int HiddenSize => C.HiddenSize;

        public int ParameterCount => C.ParameterCount;

        public bool IsFloat => typeof(S) == typeof(float);

        public double[] Flatten(ReferenceLstm reference)
        {
            var p = new C.Parameters();
            GateAccess.Write<S>(reference, p.W, p.U, p.B);
            return Num.D(p.AsSpan().ToArray());
        }

        public CellRun Run(double[] theta, SequenceProblem s)
        {
            var p = new C.Parameters(Num.To<S>(theta));
            C.Input[] xs = [.. s.Xs.Select(x => C.Input.FromSpan(Num.To<S>(x)))];
            C.Hidden[] ys = [.. s.Ys.Select(y => C.Hidden.FromSpan(Num.To<S>(y)))];
            var initial = new C.State(C.Hidden.FromSpan(Num.To<S>(s.H0)), C.Hidden.FromSpan(Num.To<S>(s.C0)));
            int n = xs.Length;
            var (caches, outputs, dh, dx) = (new C.StepCache[n], new C.Hidden[n], new C.Hidden[n], new C.Input[n]);
            C.State final = C.ForwardSequence(p, xs, initial, caches, outputs);
            S loss = C.MseLoss(outputs, ys, dh);
            var grads = new C.Gradients();
            C.StateGradient d0 = C.Bptt(p, caches, dh, grads, dx);
            var helper = new C.Gradients();
            var (helperLoss, helperFinal) = C.LossAndGradients(p, xs, ys, initial, new C.Workspace(n), helper);
            var steps = new StepRecord[n];
            for (int t = 0; t < n; t++)
            {
                C.StepCache k = caches[t];
                C.Hidden c = t + 1 < n ? caches[t + 1].CPrev : final.C;
                steps[t] = StepRecord.Of(
                    k.X.ToArray(), k.HPrev.ToArray(), k.CPrev.ToArray(), k.I.ToArray(), k.F.ToArray(), k.G.ToArray(),
                    k.O.ToArray(), k.TanhC.ToArray(), outputs[t].ToArray(), c.ToArray(), dx[t].ToArray());
            }

            return new CellRun(
                loss, steps, Num.D(final.H.ToArray()), Num.D(final.C.ToArray()), Num.D(grads.AsSpan().ToArray()),
                GateAccess.Read<S>(C.InputSize, C.HiddenSize, grads.W, grads.U, grads.B),
                Num.D(d0.Dh.ToArray()), Num.D(d0.Dc.ToArray()), helperLoss, Num.D(helperFinal.H.ToArray()),
                Num.D(helperFinal.C.ToArray()), Num.D(helper.AsSpan().ToArray()));
        }
    }
}

namespace LstmGen.Tests.Drivers.Lstm7x33DoubleNs
{
    using C = LstmGen.Tests.Cells.Lstm7x33Double;
    using S = double;

    /// <summary>Drives <see cref="C"/> (D = 7, H = 33, double).</summary>
    internal sealed class Driver : ICellDriver
    {
        public string Name => "Lstm7x33Double";

        public int InputSize => C.InputSize;

        public int HiddenSize => C.HiddenSize;

        public int ParameterCount => C.ParameterCount;

        public bool IsFloat => typeof(S) == typeof(float);

        public double[] Flatten(ReferenceLstm reference)
        {
            var p = new C.Parameters();
            GateAccess.Write<S>(reference, p.W, p.U, p.B);
            return Num.D(p.AsSpan().ToArray());
        }

        public CellRun Run(double[] theta, SequenceProblem s)
        {
            var p = new C.Parameters(Num.To<S>(theta));
            C.Input[] xs = [.. s.Xs.Select(x => C.Input.FromSpan(Num.To<S>(x)))];
            C.Hidden[] ys = [.. s.Ys.Select(y => C.Hidden.FromSpan(Num.To<S>(y)))];
            var initial = new C.State(C.Hidden.FromSpan(Num.To<S>(s.H0)), C.Hidden.FromSpan(Num.To<S>(s.C0)));
            int n = xs.Length;
            var (caches, outputs, dh, dx) = (new C.StepCache[n], new C.Hidden[n], new C.Hidden[n], new C.Input[n]);
            C.State final = C.ForwardSequence(p, xs, initial, caches, outputs);
            S loss = C.MseLoss(outputs, ys, dh);
            var grads = new C.Gradients();
            C.StateGradient d0 = C.Bptt(p, caches, dh, grads, dx);
            var helper = new C.Gradients();
            var (helperLoss, helperFinal) = C.LossAndGradients(p, xs, ys, initial, new C.Workspace(n), helper);
            var steps = new StepRecord[n];
            for (int t = 0; t < n; t++)
            {
                C.StepCache k = caches[t];
                C.Hidden c = t + 1 < n ? caches[t + 1].CPrev : final.C;
                steps[t] = StepRecord.Of(
                    k.X.ToArray(), k.HPrev.ToArray(), k.CPrev.ToArray(), k.I.ToArray(), k.F.ToArray(), k.G.ToArray(),
                    k.O.ToArray(), k.TanhC.ToArray(), outputs[t].ToArray(), c.ToArray(), dx[t].ToArray());
            }

            return new CellRun(
                loss, steps, Num.D(final.H.ToArray()), Num.D(final.C.ToArray()), Num.D(grads.AsSpan().ToArray()),
                GateAccess.Read<S>(C.InputSize, C.HiddenSize, grads.W, grads.U, grads.B),
                Num.D(d0.Dh.ToArray()), Num.D(d0.Dc.ToArray()), helperLoss, Num.D(helperFinal.H.ToArray()),
                Num.D(helperFinal.C.ToArray()), Num.D(helper.AsSpan().ToArray()));
        }
    }
}

namespace LstmGen.Tests.Drivers.Lstm10x128DoubleNs
{
    using C = LstmGen.Tests.Cells.Lstm10x128Double;
    using S = double;

    /// <summary>Drives <see cref="C"/> (D = 10, H = 128, double).</summary>
    internal sealed class Driver : ICellDriver
    {
        public string Name => "Lstm10x128Double";

        public int InputSize => C.InputSize;

        public int HiddenSize => C.HiddenSize;

        public int ParameterCount => C.ParameterCount;

        public bool IsFloat => typeof(S) == typeof(float);

        public double[] Flatten(ReferenceLstm reference)
        {
            var p = new C.Parameters();
            GateAccess.Write<S>(reference, p.W, p.U, p.B);
            return Num.D(p.AsSpan().ToArray());
        }

        public CellRun Run(double[] theta, SequenceProblem s)
        {
            var p = new C.Parameters(Num.To<S>(theta));
            C.Input[] xs = [.. s.Xs.Select(x => C.Input.FromSpan(Num.To<S>(x)))];
            C.Hidden[] ys = [.. s.Ys.Select(y => C.Hidden.FromSpan(Num.To<S>(y)))];
            var initial = new C.State(C.Hidden.FromSpan(Num.To<S>(s.H0)), C.Hidden.FromSpan(Num.To<S>(s.C0)));
            int n = xs.Length;
            var (caches, outputs, dh, dx) = (new C.StepCache[n], new C.Hidden[n], new C.Hidden[n], new C.Input[n]);
            C.State final = C.ForwardSequence(p, xs, initial, caches, outputs);
            S loss = C.MseLoss(outputs, ys, dh);
            var grads = new C.Gradients();
            C.StateGradient d0 = C.Bptt(p, caches, dh, grads, dx);
            var helper = new C.Gradients();
            var (helperLoss, helperFinal) = C.LossAndGradients(p, xs, ys, initial, new C.Workspace(n), helper);
            var steps = new StepRecord[n];
            for (int t = 0; t < n; t++)
            {
                C.StepCache k = caches[t];
                C.Hidden c = t + 1 < n ? caches[t + 1].CPrev : final.C;
                steps[t] = StepRecord.Of(
                    k.X.ToArray(), k.HPrev.ToArray(), k.CPrev.ToArray(), k.I.ToArray(), k.F.ToArray(), k.G.ToArray(),
                    k.O.ToArray(), k.TanhC.ToArray(), outputs[t].ToArray(), c.ToArray(), dx[t].ToArray());
            }

            return new CellRun(
                loss, steps, Num.D(final.H.ToArray()), Num.D(final.C.ToArray()), Num.D(grads.AsSpan().ToArray()),
                GateAccess.Read<S>(C.InputSize, C.HiddenSize, grads.W, grads.U, grads.B),
                Num.D(d0.Dh.ToArray()), Num.D(d0.Dc.ToArray()), helperLoss, Num.D(helperFinal.H.ToArray()),
                Num.D(helperFinal.C.ToArray()), Num.D(helper.AsSpan().ToArray()));
        }
    }
}
