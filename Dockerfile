# The kubeward command line as a container image, from the runnable jar of this checkout.
#
#   mvn -B -DskipTests package -pl cli -am           # builds cli/target/kubeward.jar
#   docker build -t kubeward .
#   docker run --rm -v "$PWD:/work" kubeward scan k8s/
#
# The image holds a Java runtime and the jar, nothing else; it runs as an unprivileged user and
# scans /work (mount the manifests there). Plugins: mount them and pass --plugin, or set
# KUBEWARD_PLUGIN_PATH. JAVA_TOOL_OPTIONS tunes the JVM.
FROM eclipse-temurin:17-jre

COPY cli/target/kubeward.jar /opt/kubeward/kubeward.jar

USER 65532:65532
WORKDIR /work
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-jar", "/opt/kubeward/kubeward.jar"]
CMD ["--help"]
