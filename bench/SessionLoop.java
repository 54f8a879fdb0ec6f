import org.weightstudio.data.Dataset;
import org.weightstudio.data.DatasetLoader;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.training.Trainer;
import org.weightstudio.training.TrainingConfig;
import org.weightstudio.training.TrainingSession;

/**
 * The window's training loop without the window: N updates of the one-layer net at the window's
 * defaults, either as the headless `train` runs them (a bare Trainer loop) or through a
 * TrainingSession at unlimited pace (its thread, its control, its frames), the way the window
 * trains. Prints the wall time of the N updates (inside the process: start-up and data loading
 * excluded). Run the two kinds one after the other, several times, and compare medians:
 *
 *   mvn -B -q package -DskipTests
 *   for i in 1 2 3 4; do for k in bare session; do
 *     java -cp target/weight-studio.jar bench/SessionLoop.java $k 900000; done; done
 */
public class SessionLoop {
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("bare") || args[0].equals("session"))) {
            System.err.println("usage: SessionLoop bare|session UPDATES");
            System.exit(64);
        }
        long n = Long.parseLong(args[1]);
        Dataset d = DatasetLoader.loadBundledMnist();
        TrainingConfig c = TrainingConfig.defaults();
        long t0;
        if (args[0].equals("bare")) {
            t0 = System.nanoTime();
            try (Trainer t = new Trainer(new SoftmaxModel(d.classCount(), d.train().imageSize()), d.train(), c)) {
                for (long i = 0; i < n; i++) {
                    t.step();
                }
            }
        } else {
            try (TrainingSession s = new TrainingSession(d.train(), d.classCount(), c, 10)) {
                s.control().setPace(Double.POSITIVE_INFINITY);
                s.control().pauseAtStep(n);
                s.start();
                t0 = System.nanoTime();
                s.control().play();
                while (s.step() < n) {
                    Thread.sleep(1);
                }
            }
        }
        System.out.printf("%s %d updates %.2f s%n", args[0], n, (System.nanoTime() - t0) / 1e9);
    }
}
