global using DagMaster.Application.Abstractions;
global using FluentValidation;
global using Mediator;
