package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The ordered {@code a=} lines of one section. Order is significant and preserved; unknown attributes stay as they are. */
public final class AttributeList {
    private final List<Attribute> list = new ArrayList<>();

    public List<Attribute> all() {
        return Collections.unmodifiableList(list);
    }

    public AttributeList add(Attribute attribute) {
        list.add(attribute);
        return this;
    }

    public AttributeList add(String name, String value) {
        return add(new Attribute(name, value));
    }

    public AttributeList addFlag(String name) {
        return add(Attribute.flag(name));
    }

    public boolean has(String name) {
        return list.stream().anyMatch(a -> a.name().equals(name));
    }

    /** Trimmed value of the first attribute with this name. */
    public Optional<String> first(String name) {
        return list.stream().filter(a -> a.name().equals(name)).findFirst().map(Attribute::trimmedValue);
    }

    /** Trimmed values of every attribute with this name, in order. */
    public List<String> values(String name) {
        return list.stream().filter(a -> a.name().equals(name)).map(Attribute::trimmedValue).toList();
    }

    public void removeAll(String name) {
        list.removeIf(a -> a.name().equals(name));
    }

    public int size() {
        return list.size();
    }
}
