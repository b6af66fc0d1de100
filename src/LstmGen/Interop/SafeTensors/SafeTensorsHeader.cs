namespace LstmGen.Interop;

/// <summary>A parsed header: the tensor entries in the order the JSON lists them, and the <c>__metadata__</c> map.</summary>
/// <param name="Entries">The tensor entries, in JSON order.</param>
/// <param name="Metadata">The string-to-string metadata, in JSON order (empty when absent).</param>
internal sealed record SafeTensorsHeader(IReadOnlyList<SafeTensorsHeaderEntry> Entries, IReadOnlyList<KeyValuePair<string, string>> Metadata);
