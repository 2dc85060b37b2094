package org.civicloop.services.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.civicloop.shared.InvalidInput;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * A service definition as a document: JSON (what the catalogue stores) or YAML (easier to write by
 * hand), both of the same shape. A document that cannot be read is refused with where it went
 * wrong (line and column); one that reads is then checked by {@link DefinitionCheck}.
 */
@Component
public class DefinitionFormat {

    /** The two formats an administrator may import and export. */
    public enum Kind { JSON, YAML }

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    // written for people to edit: no document marker, quotes only where YAML needs them (yes/no stay
    // quoted), long lines kept whole, empty lists left out (they read back as empty)
    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();

    public ServiceDefinition read(String text, Kind kind) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(List.of(new InvalidInput.Problem("file", "services.definition.emptyFile")));
        }
        try {
            ServiceDefinition d = mapper(kind).readValue(text, ServiceDefinition.class);
            if (d == null) {
                throw new InvalidInput(List.of(new InvalidInput.Problem("file", "services.definition.emptyFile")));
            }
            return d;
        } catch (JacksonException e) {
            var where = e.getLocation();
            return unreadable(where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr());
        } catch (IndexOutOfBoundsException e) {
            // snakeyaml-engine 3.0.1 fails on a surrogate pair (an emoji) that straddles its 1,024-character buffer
            return unreadable(0, 0);
        }
    }

    public String write(ServiceDefinition definition, Kind kind) {
        return mapper(kind).writerWithDefaultPrettyPrinter().writeValueAsString(definition);
    }

    /** The kind a file name says (.json, .yaml, .yml), or a refusal. */
    public static Kind kindOf(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".json")) {
            return Kind.JSON;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Kind.YAML;
        }
        throw new InvalidInput(List.of(new InvalidInput.Problem("file", "services.definition.fileType")));
    }

    private ObjectMapper mapper(Kind kind) {
        return kind == Kind.YAML ? yaml : json;
    }

    private static ServiceDefinition unreadable(int line, int column) {
        throw new InvalidInput(List.of(new InvalidInput.Problem("file", "services.definition.unreadable", line, column)));
    }
}
