package org.safeguardinghub.learning;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The learning-theme taxonomy as other modules read it: to offer themes on forms and to name them on pages. */
@Service
public class LearningThemes {

    private final LearningThemeRecords records;

    LearningThemes(LearningThemeRecords records) {
        this.records = records;
    }

    /** Themes that can be chosen now, by name. */
    public List<LearningTheme> active() {
        return records.active();
    }

    /** Every theme, including retired ones (so old tags still have a name). */
    public List<LearningTheme> all() {
        return records.all();
    }

    public Optional<LearningTheme> find(long id) {
        return records.find(id);
    }
}
