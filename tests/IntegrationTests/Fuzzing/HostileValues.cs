namespace DagMaster.IntegrationTests.Fuzzing;

/// <summary>Values an attacker or a broken client sends: injections, bad Unicode, extremes, wrong types, lengths.</summary>
public static class HostileValues
{
    public static readonly string[] Strings =
    [
        "", " ", "a", "0", "-1", "null", "true", "[]", "{}",
        "' OR '1'='1", "\"; DROP TABLE dagmaster.jobs; --", "<script>alert(1)</script>", "{{ inputs.x }}", "{% for x in y %}",
        "../../etc/passwd", "..\\..\\windows", "${jndi:ldap://x/a}", "%00", "%s%s%s%n", "\u0000", "a\u0000b", "\ud800", "\udc00x",
        "é漢字🙂", "\u202etxt.exe", "\r\nX-Injected: 1", "00000000-0000-0000-0000-000000000000", "2147483648", "1e309", "NaN",
        new string('a', 300), new string('b', 5_000), new string('c', 70_000),
    ];

    public static readonly string[] PathSegments =
    [
        "a", "0", "-1", "2147483648", "1e309", "00000000-0000-0000-0000-000000000000", "not-a-guid", "%20", "%2e%2e", "..%2f..",
        "%ff%fe", "%c0%af", "%e2%80%ae", "%f0%9f%99%82", "'%20OR%201=1", "%3Cscript%3E", new string('x', 2_000), "a:b:1", "job:node:0",
    ];

    public static readonly string[] QueryValues =
    [
        "", "a", "0", "-1", "2147483648", "-2147483649", "1e309", "abc", "true", "null", "2026-13-45", "9999-12-31T23:59:59Z",
        "%27%20OR%201%3D1", "%3Cscript%3E", "%ff", "%e2%80%ae", "%f0%9f%99%82", new string('q', 1_000), new string('w', 3_000),
    ];

    public static readonly string[] HeaderValues =
    [
        "", "a", new string('k', 300), new string('k', 10_000), "' OR 1=1", "<x>", "key with spaces", "00000000-0000-0000-0000-000000000000",
    ];

    public static readonly string[] Yaml =
    [
        "", "a", "[]", "{}", "workflow_id: [", "nodes: *undefined", "&a [*a]", "workflow_id: x\nname: y\nnodes:\n  start: {type: start, next: start}\n",
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        string.Concat(Enumerable.Repeat("- ", 200)) + "x", "workflow_id: \"\\0\"\n", "\t\t\t", "---\n---\n---\n", "!!python/object:os.system ['ls']",
    ];
}
