# Image of the fer command line.
# Build from the repository root:
#   docker build -f deploy/docker/cli.Dockerfile -t ferorleans/cli:0.1.0 .
#   docker build -f deploy/docker/cli.Dockerfile --build-arg TORCH_BACKEND=cuda -t ferorleans/cli:0.1.0-cuda .
# TORCH_BACKEND=cuda references libtorch-cuda-12.8-linux-x64 instead of the CPU libtorch; the GPU needs the
# NVIDIA container runtime on the host. The .NET 10 images ship a libstdc++ new enough for LibTorchSharp,
# so the build's Debian 12 patch finds nothing to do.
ARG TORCH_BACKEND=cpu

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached across source edits.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY build/ build/
COPY src/FerOrleans.Contracts/FerOrleans.Contracts.csproj src/FerOrleans.Contracts/
COPY src/FerOrleans.Learning/FerOrleans.Learning.csproj src/FerOrleans.Learning/
COPY src/FerOrleans.Storage/FerOrleans.Storage.csproj src/FerOrleans.Storage/
COPY src/FerOrleans.Grains/FerOrleans.Grains.csproj src/FerOrleans.Grains/
COPY src/FerOrleans.Reporting/FerOrleans.Reporting.csproj src/FerOrleans.Reporting/
COPY src/FerOrleans.Hosting/FerOrleans.Hosting.csproj src/FerOrleans.Hosting/
COPY src/FerOrleans.Cli/FerOrleans.Cli.csproj src/FerOrleans.Cli/
RUN dotnet restore src/FerOrleans.Cli/FerOrleans.Cli.csproj -p:FerTorchBackend=$TORCH_BACKEND
COPY src/ src/
RUN dotnet publish src/FerOrleans.Cli/FerOrleans.Cli.csproj -c Release --no-restore -p:FerTorchBackend=$TORCH_BACKEND -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
ENTRYPOINT ["dotnet", "fer.dll"]
