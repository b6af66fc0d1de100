using System.Reflection.Emit;

namespace LstmGen.Tests.Shared;

/// <summary>
/// A method body's IL measured as the JIT counts it when it decides whether to optimise a method: instructions (each
/// opcode with its operand is one), bytes, locals, and references to locals and arguments (<c>ldloc</c>, <c>stloc</c>,
/// <c>ldarg</c>, <c>starg</c> and their address forms). Decoded with the opcode table of <see cref="OpCodes"/>.
/// </summary>
/// <param name="Instructions">IL instructions.</param>
/// <param name="Bytes">IL bytes.</param>
/// <param name="Locals">IL locals.</param>
/// <param name="LocalReferences">Instructions that load, store or take the address of a local or an argument.</param>
internal readonly record struct IlBody(int Instructions, int Bytes, int Locals, int LocalReferences)
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields()
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>Measures <paramref name="il"/>, a body with <paramref name="locals"/> locals.</summary>
    public static IlBody Measure(byte[] il, int locals)
    {
        int instructions = 0, references = 0, offset = 0;
        while (offset < il.Length)
        {
            short value = il[offset] == 0xFE ? (short)(0xFE00 | il[offset + 1]) : il[offset];
            OpCode code = Codes.TryGetValue(value, out OpCode known)
                ? known
                : throw new InvalidDataException($"Unknown IL opcode 0x{value:X} at offset {offset}.");
            offset += code.Size;
            offset += OperandSize(code.OperandType, il, offset);
            instructions++;
            string name = code.Name!;
            if (name.StartsWith("ldloc", StringComparison.Ordinal) || name.StartsWith("stloc", StringComparison.Ordinal)
                || name.StartsWith("ldarg", StringComparison.Ordinal) || name.StartsWith("starg", StringComparison.Ordinal))
            {
                references++;
            }
        }

        return new IlBody(instructions, il.Length, locals, references);
    }

    private static int OperandSize(OperandType operand, byte[] il, int offset) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, offset)),
        _ => 4,
    };
}
