package dev.kubeward.cli;

/** The {@code kubeward} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.err.println("kubeward: the command line is not built yet");
    System.exit(2);
  }
}
