package org.tipx.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tipx.platform.HomeTask;

/**
 * Every task the modules declare, sorted out per role of the signed-in person: their home page cards and their
 * navigation.
 */
@Component
class TaskCatalogue {

	private static final String ROLE_PREFIX = "ROLE_";

	private final List<HomeTask> tasks;

	TaskCatalogue(ObjectProvider<HomeTask> tasks) {
		this.tasks = tasks.orderedStream().toList();
	}

	/** One card per role the person holds, in the order the roles were declared, each with that role's tasks. */
	List<RoleCard> cards(List<String> roles) {
		return roles.stream().map(role -> new RoleCard(role, tasksOf(role))).toList();
	}

	/** The pages the person may open, each once, in declaration order. */
	List<HomeTask> navigation(List<String> roles) {
		Map<String, HomeTask> byPath = new LinkedHashMap<>();
		tasks.stream().filter(HomeTask::linked).filter(t -> roles.contains(t.role()))
				.forEach(t -> byPath.putIfAbsent(t.path(), t));
		return List.copyOf(byPath.values());
	}

	private List<HomeTask> tasksOf(String role) {
		return tasks.stream().filter(t -> t.role().equals(role)).toList();
	}

	/** The role names of the current request's person, sorted; empty when anonymous or not yet fully signed in. */
	static List<String> currentRoles() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return List.of();
		}
		Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.filter(a -> a != null && a.startsWith(ROLE_PREFIX)).map(a -> a.substring(ROLE_PREFIX.length()))
				.collect(Collectors.toSet());
		return roles.stream().sorted().toList();
	}

	/** A role and what it can do. */
	record RoleCard(String role, List<HomeTask> tasks) {
	}
}
