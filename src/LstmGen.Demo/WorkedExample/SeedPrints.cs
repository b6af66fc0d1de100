namespace LstmGen.Demo.WorkedExample;

/// <summary>
/// Every number seeds 000 and 001 print for the worked example, copied digit for digit with the cell
/// that printed it. Seed 000 prints 8 significant digits, seed 001 up to 17.
/// </summary>
public static class SeedPrints
{
    /// <summary>The prints of one forward step.</summary>
    public sealed record ForwardStep(SeedNumber I, SeedNumber F, SeedNumber G, SeedNumber O, SeedNumber ForgetState, SeedNumber InputUpdate, SeedNumber C, SeedNumber TanhC, SeedNumber H);

    /// <summary>The prints of one backward step (gate gradients dz are the seed's "dgates").</summary>
    public sealed record BackwardStep(SeedNumber Delta, SeedNumber DhTotal, SeedNumber DzG, SeedNumber DzI, SeedNumber DzF, SeedNumber DzO, SeedNumber Dx0, SeedNumber Dx1, SeedNumber DhPrev);

    /// <summary>A parameter-shaped print in the seed's gate order a (= g), i, f, o: W rows [x0, x1], U, b.</summary>
    public sealed record ParameterSet(SeedNumber[][] W, SeedNumber[] U, SeedNumber[] B);

    private static SeedNumber S001(string printed, string cell) => new(printed, $"001 In[{cell}]");

    private static SeedNumber S000(string printed, string cell) => new(printed, $"000 In[{cell}]");

    /// <summary>t = 0: gates, c and h from 001 In[149-150]; the products and tanh(c) from 000 In[6].</summary>
    public static readonly ForwardStep Forward0 = new(
        S001("0.9608342772032357", "149"), S001("0.8519528019683106", "149"), S001("0.8177540779702877", "149"), S001("0.8175744761936437", "149"),
        S000("0.", "6"), S000("0.78572615", "6"), S001("0.7857261484365797", "150"), S000("0.65598109", "6"), S001("0.5363133978820118", "150"));

    /// <summary>t = 1: gates, c and h from 001 In[151-152]; the products and tanh(c) from 000 In[8].</summary>
    public static readonly ForwardStep Forward1 = new(
        S001("0.9811839683254171", "151"), S001("0.8703019698552491", "151"), S001("0.8498040223194213", "151"), S001("0.8499333428022842", "151"),
        S000("0.68381901", "8"), S000("0.83381408", "8"), S001("1.5176330976694041", "152"), S000("0.90828429", "8"), S001("0.7719811057588907", "152"));

    /// <summary>Loss of step 0, 001 In[153].</summary>
    public static readonly SeedNumber Loss0 = S001("0.0006593314328686503", "153");

    /// <summary>Loss of step 1, 001 In[153].</summary>
    public static readonly SeedNumber Loss1 = S001("0.11425103162574643", "153");

    /// <summary>Backward at t = 1: 001 In[159]; dx from 000 In[9] (printed with dh_prev as [dx0, dx1, dh_prev]).</summary>
    public static readonly BackwardStep Backward1 = new(
        S001("-0.4780188942411093", "159"), S001("-0.4780188942411093", "159"),
        S001("-0.01938434750774075", "159"), S001("-0.001115614070446023", "159"), S001("-0.006306541742007648", "159"), S001("-0.05537783112520711", "159"),
        S000("-0.04742407", "9"), S000("-0.03072765", "9"), S001("-0.018275255338020473", "159"));

    /// <summary>Backward at t = 0: 001 In[160]; dx from 000 In[11].</summary>
    public static readonly BackwardStep Backward0 = new(
        S001("0.03631339788201182", "160"), S001("0.01803814254399135", "160"),
        S001("-0.01702404", "160"), S001("-0.00164588", "160"), S001("-0.", "160"), S001("0.0017648023073026033", "160"),
        S000("-0.00816553", "11"), S000("-0.0048668", "11"), S001("-0.003429111652144951", "160"));

    /// <summary>Summed gradients dW, dU, db: 001 In[163], In[164], In[165].</summary>
    public static readonly ParameterSet Gradients = new(
        [
            [S001("-0.02671622", "163"), S001("-0.09220113", "163")],
            [S001("-0.00220369", "163"), S001("-0.00663861", "163")],
            [S001("-0.00315327", "163"), S001("-0.01891963", "163")],
            [S001("-0.02592411", "163"), S001("-0.16260389", "163")],
        ],
        [S001("-0.01039609", "164"), S001("-0.00059832", "164"), S001("-0.00338228", "164"), S001("-0.02969987", "164")],
        [S001("-0.03640839", "165"), S001("-0.0027615", "165"), S001("-0.00630654", "165"), S001("-0.05361303", "165")]);

    /// <summary>Parameters after one SGD step with learning rate 0.1: W1, U1, b1 of 001 In[169].</summary>
    public static readonly ParameterSet Updated = new(
        [
            [S001("0.45267162", "169"), S001("0.25922011", "169")],
            [S001("0.95022037", "169"), S001("0.80066386", "169")],
            [S001("0.70031533", "169"), S001("0.45189196", "169")],
            [S001("0.60259241", "169"), S001("0.41626039", "169")],
        ],
        [S001("0.15103961", "169"), S001("0.80005983", "169"), S001("0.10033823", "169"), S001("0.25296999", "169")],
        [S001("0.20364084", "169"), S001("0.65027615", "169"), S001("0.15063065", "169"), S001("0.1053613", "169")]);

    /// <summary>Seed 000 In[14]: summed gradient of the forget gate's row [W_f | U_f].</summary>
    public static readonly SeedNumber[] Dwf = [S000("-0.00315327", "14"), S000("-0.01891963", "14"), S000("-0.00338228", "14")];

    /// <summary>Seed 000 In[15]: summed gradient of the candidate's row [W_g | U_g].</summary>
    public static readonly SeedNumber[] Dwa = [S000("-0.02671622", "15"), S000("-0.09220113", "15"), S000("-0.01039609", "15")];

    /// <summary>Seed 000 In[16]: summed gradient of the output gate's bias.</summary>
    public static readonly SeedNumber Dbo = S000("-0.05361303", "16");
}
