package org.safeguardinghub.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages anyone may read without signing in. */
@Controller
class InformationPages {

    @GetMapping("/accessibility")
    String accessibility() {
        return "info/accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "info/privacy";
    }
}
