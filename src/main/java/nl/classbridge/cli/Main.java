package nl.classbridge.cli;

/** The entry point: {@code java -jar classbridge.jar [command]}. The only place that exits the JVM. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ClassBridgeCommand.commandLine().execute(args));
    }
}
