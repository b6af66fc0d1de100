using System.Runtime.CompilerServices;

namespace LstmGen.Snapshots;

/// <summary>
/// Entry point for snapshot tests. Its call shape follows Verify (<c>VerifyXunit.Verifier</c>), so that
/// switching to Verify later is a <c>global using static</c> swap:
/// <code>
/// global using static LstmGen.Snapshots.Verifier;   // today
/// global using static VerifyXunit.Verifier;         // with Verify.Xunit
/// </code>
/// </summary>
/// <remarks>
/// The test class name is taken from the caller's source file name (<c>WorkedExampleTests.cs</c> gives
/// <c>WorkedExampleTests</c>), so a test class must live in a file of the same name.
/// <para>
/// Snapshots default to the repository's <c>snapshots/</c> folder (the nearest ancestor of the test file holding
/// <c>LstmGen.sln</c>), not next to the test file as in Verify. With Verify, the same layout is configured once
/// with <c>Verifier.DerivePathInfo(...)</c> in a <c>[ModuleInitializer]</c>.
/// </para>
/// <para>Set the environment variable <c>LSTMGEN_AUTOVERIFY=1</c> to accept all received snapshots.</para>
/// </remarks>
public static class Verifier
{
    /// <summary>
    /// Compares <paramref name="target"/> with the snapshot <c>{Class}.{Method}.verified.{extension}</c>.
    /// The comparison runs when the returned <see cref="SettingsTask"/> is awaited.
    /// </summary>
    /// <param name="target">The text to verify; <see langword="null"/> is stored as <c>null</c>.</param>
    /// <param name="extension">The snapshot file extension, without the leading dot.</param>
    /// <param name="sourceFile">Filled in by the compiler: the calling test's source file.</param>
    /// <param name="methodName">Filled in by the compiler: the calling test method.</param>
    /// <returns>A settings object to refine with fluent calls, then await.</returns>
    /// <example>
    /// <code>
    /// [Fact]
    /// public Task Generates() => Verify(generatedCode, "cs").UseFileName("TinyLstm");
    /// </code>
    /// </example>
    public static SettingsTask Verify(
        string? target,
        string extension = "txt",
        [CallerFilePath] string sourceFile = "",
        [CallerMemberName] string methodName = "")
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentException.ThrowIfNullOrEmpty(sourceFile);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        return new SettingsTask(target, extension, sourceFile, methodName);
    }
}
