namespace LstmGen.Interop.Tests.SafeTensors;

/// <summary>The read limits, and reading streams that lie about their header length.</summary>
public sealed class ReadOptionsTests
{
    private static readonly byte[] Valid = HostileFiles.Valid();

    [Fact]
    public void MaxTensorBytes_refuses_a_larger_tensor_naming_it()
    {
        var options = new SafeTensorsReadOptions { MaxTensorBytes = 48 };
        SafeTensorsFormatException error = Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(Valid, options));
        Assert.Equal("W", error.TensorName);
        Assert.Contains("64 bytes exceed the limit of 48 bytes per tensor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxFileBytes_refuses_a_larger_file_from_every_source()
    {
        var options = new SafeTensorsReadOptions { MaxFileBytes = 200 };
        using var directory = new TempDirectory();
        string path = directory.File("big.safetensors");
        File.WriteAllBytes(path, Valid);

        foreach (Func<TensorSet> read in new Func<TensorSet>[]
                 {
                     () => Interop.SafeTensors.Read(Valid, options), () => Interop.SafeTensors.Read(new MemoryStream(Valid), options),
                     () => Interop.SafeTensors.Read(new ForwardOnlyStream(Valid), options), () => Interop.SafeTensors.Read(path, options),
                 })
        {
            SafeTensorsFormatException error = Assert.Throws<SafeTensorsFormatException>(read);
            Assert.Contains("200", error.Message, StringComparison.Ordinal);
            Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void MaxHeaderBytes_is_checked_before_the_header_is_read()
    {
        var options = new SafeTensorsReadOptions { MaxHeaderBytes = 169 };
        SafeTensorsFormatException error = Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(new ForwardOnlyStream(Valid), options));
        Assert.Contains("says 170 bytes, more than the limit of 169", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_claiming_a_2_pow_62_byte_header_fails_on_its_real_length_even_without_a_header_limit()
    {
        // No header limit: only the bytes actually present can be read, so nothing of size 2^62 is ever allocated.
        var options = new SafeTensorsReadOptions { MaxHeaderBytes = long.MaxValue };
        byte[] file = HandBuiltFile.Build(1UL << 62, [(byte)'{', (byte)'}'], []);

        foreach (Stream stream in new Stream[] { new MemoryStream(file), new ForwardOnlyStream(file) })
        {
            SafeTensorsFormatException error = Assert.Throws<SafeTensorsFormatException>(() => Interop.SafeTensors.Read(stream, options));
            Assert.Contains("says 4611686018427387904 bytes, but only 2 bytes follow the prefix", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reading_a_stream_starts_at_its_current_position()
    {
        var stream = new MemoryStream([0xAA, 0xBB, .. Valid]) { Position = 2 };
        Assert.Equal(["W", "U", "b"], Interop.SafeTensors.Read(stream).Select(t => t.Name));
    }

    [Fact]
    public void Non_positive_limits_are_argument_errors() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Interop.SafeTensors.Read(Valid, new SafeTensorsReadOptions { MaxHeaderBytes = 0 }));

    [Fact]
    public void A_file_limit_beyond_what_one_array_holds_is_an_argument_error()
    {
        // The whole file is read into one array; a larger limit would turn a big file into an OutOfMemoryException.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Interop.SafeTensors.Read(Valid, new SafeTensorsReadOptions { MaxFileBytes = (long)Array.MaxLength + 1 }));
        Assert.Equal("MaxFileBytes", error.ParamName);
    }

    [Fact]
    public void Default_header_limit_is_the_reference_implementations_100_MB() =>
        Assert.Equal(100_000_000, SafeTensorsReadOptions.Default.MaxHeaderBytes);
}
