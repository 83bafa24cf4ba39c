package org.safeguardinghub.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.ui.Model;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * What a form handler answers with, as one handler argument: the model of the page shown again, the response (for
 * its status) and the flash message for the page redirected to. The same objects Spring gives a handler that asks
 * for {@link Model}, {@link HttpServletResponse} and {@link RedirectAttributes} separately.
 */
public record FormReply(Model model, HttpServletResponse response, RedirectAttributes flash) {

    /** Lets handlers take a {@link FormReply}. */
    @Configuration(proxyBeanMethods = false)
    static class Resolving implements WebMvcConfigurer, HandlerMethodArgumentResolver {

        @Override
        public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(this);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == FormReply.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer container,
                NativeWebRequest request,
                @Nullable WebDataBinderFactory binders)
                throws Exception {
            if (container == null) {
                throw new IllegalArgumentException("FormReply needs a model");
            }
            // as Spring's own RedirectAttributes argument
            DataBinder binder =
                    binders == null ? null : binders.createBinder(request, null, DataBinder.DEFAULT_OBJECT_NAME);
            RedirectAttributesModelMap flash = new RedirectAttributesModelMap(binder);
            container.setRedirectModel(flash);
            return new FormReply(
                    (Model) container.getModel(), request.getNativeResponse(HttpServletResponse.class), flash);
        }
    }
}
