package org.weightstudio.data;

import java.util.List;

/** A named train/test pair with the names of its classes in label order. */
public record Dataset(String name, ImageSet train, ImageSet test, List<String> classNames) {
    public Dataset {
        classNames = List.copyOf(classNames);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new DatasetException(name + ": train images are " + train.rows() + "x" + train.cols()
                    + " but test images are " + test.rows() + "x" + test.cols());
        }
    }

    public int classCount() {
        return classNames.size();
    }

    public int inputSize() {
        return train.imageSize();
    }
}
