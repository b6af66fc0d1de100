using LstmGen.Analyzers.Tests.Support;
using LstmGen.Generators.Diagnostics;

namespace LstmGen.Analyzers.Tests;

/// <summary>
/// LSTM0101: a length known at compile time that does not fit the generated entry point it is passed to is an error;
/// the right length, or a length the analyzer cannot know, is not. The generated code is part of each compilation,
/// as in a real build.
/// </summary>
public sealed class LengthMismatchTests
{
    private const string Cells = """
        using System;
        using LstmGen;

        namespace Samples;

        [LstmCell(2, 3, Output = OutputHead.Softmax, OutputSize = 4)]
        public static partial class TinyLstm;

        public static class Use
        {
            public static void Run(double[] unknown, int n)
            {
        """;

    private const string End = "\n    }\n}\n";

    private static Task Check(string body) =>
        Verify.AnalyzerAsync<VectorLengthAnalyzer>(Cells + body + End, withGeneratedCode: true);

    [Theory]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:new double[3]|});")]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:new[] { 1.0, 2.0, 3.0 }|});")]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:new double[] { 1.0 }|});")]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:[1.0, 2.0, 3.0]|});")]
    [InlineData("Vec3<double>.FromSpan({|LSTM0101:stackalloc double[2]|});")]
    [InlineData("Vec3<double>.FromSpan({|LSTM0101:stackalloc[] { 1.0, 2.0 }|});")]
    [InlineData("Vec4<double>.FromSpan({|LSTM0101:new ReadOnlySpan<double>(new double[3])|});")]
    [InlineData("Vec4<double>.FromSpan({|LSTM0101:new double[8].AsSpan(0, 3)|});")]
    [InlineData("Vec4<double>.FromSpan({|LSTM0101:new double[8].AsSpan(2)|});")]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:unknown.AsSpan(1, 3)|});")]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:new ReadOnlySpan<double>(unknown, n, 1)|});")]
    [InlineData("Vec2<double>.FromSpan({|LSTM0101:unknown.AsSpan().Slice(n, 4)|});")]
    [InlineData("var a = new double[5]; Vec2<double>.FromSpan({|LSTM0101:a|});")]
    [InlineData("Span<double> s = stackalloc double[1]; Vec3<double>.FromSpan({|LSTM0101:s|});")]
    [InlineData("_ = new TinyLstm.Parameters({|LSTM0101:new double[10]|});")]
    [InlineData("_ = new TinyLstm.Gradients({|LSTM0101:[1.0]|});")]
    public Task A_known_wrong_length_is_LSTM0101(string body) => Check(body);

    [Theory]
    [InlineData("Vec2<double>.FromSpan(new double[2]);")]
    [InlineData("Vec2<double>.FromSpan([1.0, 2.0]);")]
    [InlineData("Vec3<double>.FromSpan(stackalloc double[3]);")]
    [InlineData("Vec4<double>.FromSpan(new double[8].AsSpan(4));")]
    [InlineData("Vec2<double>.FromSpan(unknown);")]
    [InlineData("Vec2<double>.FromSpan(unknown.AsSpan(1));")]
    [InlineData("Vec2<double>.FromSpan(unknown.AsSpan(0, n));")]
    [InlineData("Vec2<double>.FromSpan(unknown.AsSpan(1, 2));")]
    [InlineData("Vec2<double>.FromSpan(new double[n]);")]
    [InlineData("Vec2<double>.FromSpan([.. unknown]);")]
    [InlineData("var a = new double[5]; a = new double[2]; Vec2<double>.FromSpan(a);")]
    [InlineData("Span<double> s = stackalloc double[3]; s = s.Slice(1); Vec3<double>.FromSpan(s);")]
    [InlineData("_ = new TinyLstm.Parameters(new double[TinyLstm.ParameterCount]);")]
    public Task A_right_or_unknown_length_is_fine(string body) => Check(body);

    // LSTM0101 is an error, so it must be certain: a write the analyzer does not fully understand, or a capture of the
    // local by a lambda or a local function, makes the length unknown. The first two are issue 12's exact snippets.
    [Theory]
    [InlineData("var a = new double[3]; (a, _) = (new double[2], 0); Vec2<double>.FromSpan(a);")]
    [InlineData("var b = new double[3]; (b) = new double[2]; Vec2<double>.FromSpan(b);")]
    [InlineData("var a = new double[3]; ((a)) = new double[2]; Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; ((a, _), _) = ((new double[2], 0), 0); Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; a ??= new double[2]; Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; Array.Resize(ref a, 2); Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; new System.Collections.Generic.Dictionary<int, double[]>().TryGetValue(0, out a); Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; ref double[] r = ref a; r = new double[2]; Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; TypedReference t = __makeref(a); __refvalue(t, double[]) = new double[2]; Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; Action f = () => (a, _) = (new double[2], 0); f(); Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; Func<double[]> f = () => a; Vec2<double>.FromSpan(a);")]
    [InlineData("var a = new double[3]; void Set() => (a, _) = (new double[2], 0); Set(); Vec2<double>.FromSpan(a);")]
    [InlineData("Span<double> s = stackalloc double[3]; (s) = s.Slice(1); Vec3<double>.FromSpan(s);")]
    public Task A_write_or_capture_the_analyzer_does_not_follow_makes_the_length_unknown(string body) => Check(body);

    [Theory]
    [InlineData("var a = new double[5]; a[0] = 1.0; _ = a.Length; Vec2<double>.FromSpan({|LSTM0101:a|});")]
    [InlineData("var a = new double[5]; Array.Clear(a); a.AsSpan().Fill(1.0); Vec2<double>.FromSpan({|LSTM0101:a|});")]
    [InlineData("Span<double> s = stackalloc double[1]; s[0] = 2.0; s.Clear(); Vec3<double>.FromSpan({|LSTM0101:s|});")]
    public Task Reads_and_element_writes_keep_the_length_known(string body) => Check(body);

    [Fact]
    public async Task The_message_names_the_buffer_the_target_and_the_size()
    {
        string source = "using LstmGen;\nnamespace Samples;\n[LstmCell(2, 1)]\npublic static partial class TinyLstm;\n"
            + "public static class Use { public static Vec2<double> X() => Vec2<double>.FromSpan(new double[3]); }";
        var compilation = Compilations.Create([source, .. GeneratedCode.For(source).Select(g => g.Text)]);

        var diagnostics = await AnalyzerRun.RunAsync(compilation);

        var mismatch = Assert.Single(diagnostics, d => d.Id == DiagnosticDescriptors.LengthMismatch.Id);
        Assert.Equal(
            "An array of length 3 is passed to Vec2<double>.FromSpan, which needs exactly 2 values (the 2 values of a Vec2); this throws ArgumentException at run time",
            mismatch.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
