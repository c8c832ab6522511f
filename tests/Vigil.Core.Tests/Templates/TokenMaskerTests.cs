using Vigil.Core.Templates;

namespace Vigil.Core.Tests.Templates;

public sealed class TokenMaskerTests
{
    [Theory]
    [InlineData("42", "<*>")]
    [InlineData("-17", "<*>")]
    [InlineData("3.14", "<*>")]
    [InlineData("blk_-6952295868487656571", "blk_<*>")]
    [InlineData("[173.234.31.186]", "[<*>]")]
    [InlineData("10.250.18.114:50010", "<*>:<*>")]
    [InlineData("api-26.example.net:15303", "<*>")]
    [InlineData("node-7.cluster.local,", "<*>,")]
    [InlineData("org.apache.hadoop.mapreduce.v2.app.MRAppMaster:", "org.apache.hadoop.mapreduce.v2.app.MRAppMaster:")]
    [InlineData("(com.example.tango/.MainActivity)", "(<*>/.MainActivity)")]
    [InlineData("workerEnv.init()", "workerEnv.init()")]
    [InlineData("rhost=218.188.2.4", "rhost=<*>")]
    [InlineData("0x02f0", "<*>")]
    [InlineData("deadbeef01", "<*>")]
    [InlineData("123e4567-e89b-12d3-a456-426614174000", "<*>")]
    [InlineData("/etc/httpd/conf/workers2.properties", "<*>")]
    [InlineData("'/udev/vcs1'", "'<*>'")]
    [InlineData("(uid=0)", "(uid=<*>)")]
    [InlineData("done.", "done.")]
    [InlineData("ssh2", "ssh2")]
    [InlineData("eth0", "eth0")]
    [InlineData("root=LABEL=/", "root=LABEL=/")]
    [InlineData("in 5.", "in <*>.")]
    public void MasksVariablePartsOfATokenAndKeepsWords(string token, string expected)
    {
        var output = new TokenBuffer();

        foreach (var part in token.Split(' '))
        {
            output.BeginToken();
            TokenMasker.Mask(part, output);
            output.EndToken();
        }

        var masked = string.Join(' ', Enumerable.Range(0, output.Count).Select(i => output[i].ToString()));
        Assert.Equal(expected, masked);
    }
}
