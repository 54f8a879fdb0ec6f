package org.weightstudio.cli;

import java.lang.management.ManagementFactory;

/** CPU time of the whole process (every thread: training, JIT, GC), for samples per CPU-second. */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used by this process so far, or 0 where the JVM cannot tell. */
    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
