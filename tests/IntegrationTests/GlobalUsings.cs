global using DagMaster.TestSupport;
global using Shouldly;
global using Xunit;
