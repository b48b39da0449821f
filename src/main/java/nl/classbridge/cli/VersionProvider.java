package nl.classbridge.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, so it is never out of step with the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"ClassBridge " + (version == null ? "(development build)" : version)};
    }
}
