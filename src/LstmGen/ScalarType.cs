namespace LstmGen;

/// <summary>The scalar type a generated cell computes in.</summary>
public enum ScalarType
{
    /// <summary>64-bit IEEE 754 (<see cref="double"/>); the default.</summary>
    Double = 0,

    /// <summary>32-bit IEEE 754 (<see cref="float"/>).</summary>
    Float = 1,
}
