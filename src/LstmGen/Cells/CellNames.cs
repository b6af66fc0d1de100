using LstmGen.Kernels;

namespace LstmGen;

/// <summary>The name error messages give a cell: the declared class that holds <typeparamref name="TKernel"/>.</summary>
internal static class CellNames<TKernel>
    where TKernel : ICellShape
{
    public static readonly string Name = typeof(TKernel).DeclaringType?.Name ?? typeof(TKernel).Name;
}
